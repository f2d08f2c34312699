import { afterEach, describe, expect, it } from 'vitest';
import source from '../public/boot-look.js?raw';
import indexHtml from '../index.html?raw';
import { COLOR_SCHEME_KEY, saveLanguage } from './platform/preferences';
import { theme } from './app/theme';

/** Runs public/boot-look.js as the page would (a classic script, no module wrapper). */
function runBootLook(): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  (new Function(source) as () => void)();
}

describe('boot-look.js (language and color scheme before the first paint)', () => {
  afterEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('data-mantine-color-scheme');
    document.documentElement.lang = '';
  });

  it('applies the language saved by the app (preferences.ts) and defaults to Chinese', () => {
    runBootLook();
    expect(document.documentElement.lang).toBe('zh-CN');
    saveLanguage('en');
    runBootLook();
    expect(document.documentElement.lang).toBe('en');
  });

  it('applies the color scheme Mantine saved under the app key, light by default or when unreadable', () => {
    runBootLook();
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light');
    localStorage.setItem(COLOR_SCHEME_KEY, 'dark');
    runBootLook();
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark');
    localStorage.setItem(COLOR_SCHEME_KEY, '<script>');
    runBootLook();
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light');
  });
});

describe('boot-look.js with the scheme set to follow the system', () => {
  afterEach(() => {
    localStorage.clear();
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it("applies the system's scheme for 'auto'", () => {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' }),
    });
    localStorage.setItem(COLOR_SCHEME_KEY, 'auto');
    runBootLook();
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark');
  });
});

describe('index.html start-up splash', () => {
  it('draws its text in the app font stack, so its layout loads the fonts the first screen uses', () => {
    // Prettier may wrap the declaration and change its quotes: compare the font names.
    const splashFont = /\.boot-splash \{\s*font-family:\s*([^;]+);/.exec(indexHtml)?.[1];
    const fonts = (stack: string | undefined) =>
      stack?.split(',').map((font) => font.trim().replace(/^['"]|['"]$/g, ''));
    expect(fonts(splashFont)).toEqual(fonts(theme.fontFamily));
  });

  it('sits inside #root, which React replaces on its first render', () => {
    expect(indexHtml).toMatch(/<div id="root">\s*<div class="boot-splash"/);
  });
});
