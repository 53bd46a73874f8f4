/**
 * Colours that stay distinct with the common colour-vision deficiencies (Okabe and Ito's
 * palette, https://jfly.uni-koeln.de/color/), darkest first so that text on the bars reads.
 * Series keep their order, so "Finished" is always the same blue in every chart.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export function colourOf(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
