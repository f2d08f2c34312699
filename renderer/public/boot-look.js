/* global document, window */
/**
 * Runs first in the page's head, before anything is drawn: applies the saved language and color scheme to
 * <html> (lang, and the attribute Mantine's styles key on — what its ColorSchemeScript does), so the start-up
 * splash in index.html and the app's first frame are drawn in the person's language and theme instead of
 * flashing Chinese or light first. Keys mirror platform/preferences.ts ('crm.language') and app/app.tsx
 * ('crm.color-scheme'); boot-look.test.ts keeps them in step.
 */
(function bootLook() {
  try {
    var root = document.documentElement;
    var language = localStorage.getItem('crm.language');
    root.lang = language === 'en' ? 'en' : 'zh-CN';
    var scheme = localStorage.getItem('crm.color-scheme');
    if (scheme === 'auto' || (scheme !== 'light' && scheme !== 'dark')) {
      // Mantine's own default here is light; only an explicit 'auto' follows the system.
      scheme =
        scheme === 'auto' &&
        window.matchMedia &&
        window.matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
    }
    root.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    // Storage unavailable: the defaults (Chinese, light) stand.
  }
})();
