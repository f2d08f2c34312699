import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { AA_TEXT, contrastRatio, darker, readableOn } from './contrast';
import { cssVariablesResolver, theme } from './theme';

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const resolved = cssVariablesResolver(merged) as Record<'light' | 'dark', Record<string, string>>;
const gray = merged.colors.gray;
const dark = merged.colors.dark;

/** A variable's value, following `var(--x)` references through the resolved and palette variables. */
function valueOf(scheme: 'light' | 'dark', name: string): string {
  const own = resolved[scheme][name];
  if (own === undefined) {
    const palette = /^--mantine-color-([a-z]+)-(\d)$/.exec(name);
    if (!palette) throw new Error(`unresolved ${name}`);
    return merged.colors[palette[1]][Number(palette[2])];
  }
  const reference = /^var\((--[a-z0-9-]+)\)$/.exec(own);
  return reference ? valueOf(scheme, reference[1]) : own;
}

const PALETTES = Object.keys(merged.colors).filter((name) => name !== 'dark');

describe('contrast arithmetic (WCAG 2.1)', () => {
  it('computes the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#ffffff', '#4c6ef5')).toBeCloseTo(4.32, 2);
  });

  it('keeps a color that already reads and moves one that does not just far enough', () => {
    expect(readableOn('#495057', '#ffffff')).toBe('#495057');
    const fixed = readableOn('#868e96', '#ffffff');
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(fixed, '#ffffff')).toBeLessThan(AA_TEXT + 0.3);
    // On a dark background it lightens.
    const light = readableOn('#828282', '#3b3b3b');
    expect(contrastRatio(light, '#3b3b3b')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(light > '#828282').toBe(true);
    expect(darker('#ffffff', 0.5)).toBe('#808080');
  });
});

describe('theme contrast (issue 16: WCAG AA in light and dark)', () => {
  it('dimmed text reads on white, gray-0 and gray-1 (light) and on dark-7, dark-6 and dark-5 (dark)', () => {
    for (const background of ['#ffffff', gray[0], gray[1]])
      expect(
        contrastRatio(valueOf('light', '--mantine-color-dimmed'), background),
      ).toBeGreaterThanOrEqual(AA_TEXT);
    for (const background of [dark[7], dark[6], dark[5]])
      expect(
        contrastRatio(valueOf('dark', '--mantine-color-dimmed'), background),
      ).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('placeholders read in inputs: on white (light) and on dark-6 and dark-5 (dark)', () => {
    expect(
      contrastRatio(valueOf('light', '--mantine-color-placeholder'), '#ffffff'),
    ).toBeGreaterThanOrEqual(AA_TEXT);
    for (const background of [dark[6], dark[5]])
      expect(
        contrastRatio(valueOf('dark', '--mantine-color-placeholder'), background),
      ).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('links read on white and on the dark body', () => {
    expect(
      contrastRatio(valueOf('light', '--mantine-color-anchor'), '#ffffff'),
    ).toBeGreaterThanOrEqual(AA_TEXT);
    expect(
      contrastRatio(valueOf('dark', '--mantine-color-anchor'), dark[7]),
    ).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(PALETTES)(
    '%s: white on filled, colored text, and light-variant text all reach 4.5:1',
    (name) => {
      for (const scheme of ['light', 'dark'] as const) {
        const filled = valueOf(scheme, `--mantine-color-${name}-filled`);
        expect(contrastRatio('#ffffff', filled)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(
          contrastRatio('#ffffff', valueOf(scheme, `--mantine-color-${name}-filled-hover`)),
        ).toBeGreaterThanOrEqual(AA_TEXT);
      }
      expect(
        contrastRatio(valueOf('light', `--mantine-color-${name}-text`), gray[1]),
      ).toBeGreaterThanOrEqual(AA_TEXT);
      expect(
        contrastRatio(valueOf('dark', `--mantine-color-${name}-text`), dark[5]),
      ).toBeGreaterThanOrEqual(AA_TEXT);
      const lightColor = valueOf('light', `--mantine-color-${name}-light-color`);
      for (const background of [merged.colors[name][1], merged.colors[name][2]])
        expect(contrastRatio(lightColor, background)).toBeGreaterThanOrEqual(AA_TEXT);
    },
  );

  it('keeps the app recognizably indigo: the primary filled color is indigo-7 itself', () => {
    expect(valueOf('light', '--mantine-color-indigo-filled')).toBe(merged.colors.indigo[7]);
  });
});
