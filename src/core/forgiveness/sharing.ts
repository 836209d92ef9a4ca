/**
 * Who may see what of a person's forgiveness work. The private reflection and any note are the
 * author's alone, always. The chart of subscale means is shared only by the person's own choice,
 * and only while that choice is on; when it is off, their partner gets exactly what they would get
 * from someone who never answered (an empty chart), so turning it off reveals nothing.
 */
export interface ChartShare {
  /** The chart's owner. */
  readonly ownerId: string;
  readonly journeyId: string;
  /** The owner's own setting, off unless they turned it on. */
  readonly shared: boolean;
}

export interface Reader {
  readonly userId: string;
  /** The reader's current journey, if any. */
  readonly journeyId: string | undefined;
}

/** May this reader see the owner's chart (the means and dates, never a note)? */
export function mayReadChart(reader: Reader, share: ChartShare): boolean {
  if (reader.userId === share.ownerId) return true;
  return share.shared && reader.journeyId === share.journeyId;
}

/** May this reader see a private reflection entry? Only its author, ever. */
export const mayReadReflection = (reader: Pick<Reader, 'userId'>, authorId: string): boolean =>
  reader.userId === authorId;
