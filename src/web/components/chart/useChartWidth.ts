import { useCallback, useState } from 'react';

const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 280;

/**
 * The plot's width in user units, measured so that SVG text is drawn at its real size on any
 * screen (a fixed viewBox would shrink 13 px labels to 7 px at 360 px wide). It follows the
 * person's text size too: with larger root text the viewBox narrows and everything scales up.
 */
export function useChartWidth(): [(el: HTMLDivElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const measured = Math.round((el.clientWidth * 16) / root);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
