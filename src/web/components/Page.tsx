import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Flash } from '../app/announcer.js';
import { documentTitle } from '../app/discreet.js';

let firstLocationKey: string | undefined;
let navigated = false;

/** Moves focus to the page's heading, e.g. after the item that had focus was deleted. */
export function focusHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

/**
 * The frame of one screen: a discreet window title, the one h1, and the latest confirmation.
 * After a client-side navigation focus moves to the h1, so screen readers announce the new page
 * and keyboard users start from its top (the first page load keeps the browser's own focus).
 */
export function Page({
  title,
  heading,
  lede,
  children,
}: {
  title: string;
  heading?: string;
  lede?: ReactNode;
  children?: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);

  useEffect(() => {
    if (firstLocationKey === undefined) {
      firstLocationKey = key;
      return;
    }
    if (key !== firstLocationKey) navigated = true;
    if (navigated) h1.current?.focus();
  }, [key]);

  return (
    <>
      <h1 ref={h1} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {lede ? <p className="lede">{lede}</p> : null}
      <Flash />
      {children}
    </>
  );
}
