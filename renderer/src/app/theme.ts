import {
  Alert,
  createTheme,
  DEFAULT_THEME,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { darker, readableOn } from './contrast';
import classes from './theme.module.css';

// WCAG 2.1 AA contrast (issue 16) is the theme's job, not each component's: the palettes stay Mantine's, and
// the variables components read their text colors from are moved, where a shade is too light, to the nearest
// shade that reaches 4.5:1 (contrast.ts). What changes and why:
// - light: primary shade 7 instead of 6 (white on indigo-6 is 4.3:1, on indigo-7 5.0:1); every color's filled
//   background darkened until white text on it reads (green-6 is 2.4:1); `c="<color>"` text, outline and link
//   colors darkened until they read on white and gray-0; the light variant's text (badges, alerts, active nav)
//   darkened until it reads on its own hover background (yellow-9 on yellow-1 is 2.7:1); dimmed text gray-6
//   (3.3:1) becomes the shade between gray-6 and gray-7 that reads on gray-1;
// - dark: dimmed text dark-2 (3.5:1 on cards) becomes light enough for dark-5; `c="<color>"` text and links
//   lightened until they read on dark-5; filled backgrounds darkened for white text as in light.

const LIGHT_SURFACE = DEFAULT_THEME.colors.gray[1]; // hovered rows, table headers, gray-1 cards
const DARK_SURFACE = DEFAULT_THEME.colors.dark[5]; // hovered rows and inputs in dark mode
const WHITE = '#ffffff';

const PRIMARY_SHADE = { light: 7, dark: 8 } as const;

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: PRIMARY_SHADE,
  defaultRadius: 'md',
  components: {
    Alert: Alert.extend({ classNames: { message: classes.alertMessage } }),
  },
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
});

type Variables = Record<string, string>;

/** The color variables of one palette (Mantine's names: `--mantine-color-<name>-filled` …) for both schemes. */
function paletteVariables(
  name: string,
  shades: MantineColorsTuple,
): { light: Variables; dark: Variables } {
  const filledLight = readableOn(shades[PRIMARY_SHADE.light], WHITE);
  const filledDark = readableOn(shades[PRIMARY_SHADE.dark], WHITE);
  const textLight = readableOn(shades[PRIMARY_SHADE.light], LIGHT_SURFACE);
  const textDark = readableOn(shades[4], DARK_SURFACE);
  return {
    light: {
      [`--mantine-color-${name}-filled`]: filledLight,
      [`--mantine-color-${name}-filled-hover`]: darker(filledLight, 0.12),
      [`--mantine-color-${name}-text`]: textLight,
      [`--mantine-color-${name}-outline`]: textLight,
      [`--mantine-color-${name}-light-color`]: readableOn(shades[9], shades[2]),
    },
    dark: {
      [`--mantine-color-${name}-filled`]: filledDark,
      [`--mantine-color-${name}-filled-hover`]: darker(filledDark, 0.12),
      [`--mantine-color-${name}-text`]: textDark,
      [`--mantine-color-${name}-outline`]: textDark,
    },
  };
}

/** Passed to MantineProvider next to the theme: the contrast-safe variables described above. */
export const cssVariablesResolver: CSSVariablesResolver = (active) => {
  const light: Variables = {
    '--mantine-color-dimmed': readableOn(active.colors.gray[6], LIGHT_SURFACE),
    // Placeholders are text a person must read to know what a field wants (Mantine's gray-5 is 2.1:1 on white).
    '--mantine-color-placeholder': readableOn(active.colors.gray[5], WHITE),
    '--mantine-color-anchor': `var(--mantine-color-${active.primaryColor}-text)`,
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  };
  const dark: Variables = {
    '--mantine-color-dimmed': readableOn(active.colors.dark[2], DARK_SURFACE),
    '--mantine-color-placeholder': readableOn(active.colors.dark[3], DARK_SURFACE),
    '--mantine-color-anchor': `var(--mantine-color-${active.primaryColor}-text)`,
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  };
  for (const [name, shades] of Object.entries(active.colors)) {
    // Virtual colors (none in this theme) are objects; every palette here is a ten-shade tuple.
    if (!Array.isArray(shades)) continue;
    const palette = paletteVariables(name, shades as MantineColorsTuple);
    Object.assign(light, palette.light);
    Object.assign(dark, palette.dark);
  }
  return { variables: {}, light, dark };
};
