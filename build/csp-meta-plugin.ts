import type { Plugin } from 'vite';
import { buildContentSecurityPolicy } from '../electron/main/csp.ts';

/**
 * Injects the renderer's Content-Security-Policy as a <meta> tag into built index.html files only
 * (file:// pages in Electron and the static web build get no response headers). The dev server is left
 * without it because React Fast Refresh needs an inline preamble script.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'crm-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: buildContentSecurityPolicy({ dev: false, delivery: 'meta' }),
          },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
