import PDFDocument from 'pdfkit';
import type { ClientSummary, PersonSummary } from '../../../shared/api/caseload.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type { caseloadApi } from '../../../shared/api/caseload.js';
import type { Caller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { readPracticeSetting } from '../practice/practice.store.js';
import { buildSummary, logReads, type RequestInfo } from './caseload.service.js';

/**
 * The client report for the clinical record: the between-sessions summary of the shared
 * categories as a PDF (pdfkit), with a line naming what was not shared. Making it is an export,
 * logged as such per category and person.
 */

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const percent = (v: number) => `${Math.round(v * 100)}%`;

const categoryName = (c: string) => t(`caseload.category.${c}` as MessageKey);
const changeName = (c: string | null) =>
  c === null ? t('caseload.change.none') : t(`caseload.change.${c}` as MessageKey);
const instrumentName = (id: string) => (id === 'phq9' ? 'PHQ-9' : id === 'gad7' ? 'GAD-7' : id);

function personLines(p: PersonSummary): { heading: string; lines: string[] }[] {
  const sections: { heading: string; lines: string[] }[] = [];
  if (p.screens) {
    sections.push({
      heading: t('caseload.report.screens'),
      lines:
        p.screens.results.length === 0
          ? [t('caseload.report.nothing')]
          : p.screens.results.map((r) =>
              t('caseload.report.screenLine', {
                instrument: instrumentName(r.instrumentId),
                date: day(r.createdAt),
                total: r.total,
                max: r.max,
                band: r.band.label,
                previous: changeName(r.changeSincePrevious),
                first: changeName(r.changeSinceFirst),
              }),
            ),
    });
  }
  if (p.checkins) {
    sections.push({
      heading: t('caseload.report.checkins'),
      lines: [
        t('caseload.report.checkinCount', { count: p.checkins.count }),
        ...p.checkins.feelings.map((f) =>
          t('caseload.report.feelingLine', {
            feeling: t(`feeling.${f.feeling}`),
            count: f.count,
            average: f.averageIntensity,
          }),
        ),
      ],
    });
  }
  if (p.commitments) {
    sections.push({
      heading: t('caseload.report.commitments'),
      lines:
        p.commitments.items.length === 0
          ? [t('caseload.report.nothing')]
          : p.commitments.items.map((c) =>
              t('caseload.report.commitmentLine', {
                category: t(`agreements.category.${c.category}`),
                rhythm: t(`caseload.rhythm.${c.rhythm}`),
                mean: percent(c.reliability.mean),
                lower: percent(c.reliability.lower),
                upper: percent(c.reliability.upper),
                kept: c.reliability.kept,
                missed: c.reliability.missed,
              }),
            ),
    });
  }
  if (p.exercises) {
    sections.push({
      heading: t('caseload.report.exercises'),
      lines:
        p.exercises.length === 0
          ? [t('caseload.report.nothing')]
          : p.exercises.map((e) => `${day(e.at)}: ${e.title}`),
    });
  }
  if (p.letters) {
    sections.push({
      heading: t('caseload.report.letters'),
      lines:
        p.letters.items.length === 0
          ? [t('caseload.report.nothing')]
          : p.letters.items.map((l) =>
              t('caseload.report.letterLine', {
                kind: t(`caseload.letterKind.${l.kind}`),
                date: day(l.sharedAt),
              }),
            ),
    });
  }
  if (p.safety) {
    sections.push({
      heading: t('caseload.report.safety'),
      lines: [
        p.safety.checkedAt === null
          ? t('caseload.safety.notTaken')
          : p.safety.anyYes
            ? t('caseload.safety.yes', { date: day(p.safety.checkedAt) })
            : t('caseload.safety.no', { date: day(p.safety.checkedAt) }),
      ],
    });
  }
  return sections;
}

/** The report's PDF bytes. */
export async function renderReport(
  summary: ClientSummary,
  meta: { practice: string; therapist: string; generatedAt: number },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: t('caseload.report.title'), Author: meta.therapist },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  doc.font('Helvetica-Bold').fontSize(18).text(t('caseload.report.title'));
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  doc.text(t('caseload.report.practice', { practice: meta.practice }));
  doc.text(t('caseload.report.therapist', { therapist: meta.therapist }));
  doc.text(t('caseload.report.clients', { names: summary.people.map((p) => p.name).join(' & ') }));
  doc.text(t('caseload.report.period', { from: day(summary.since), to: day(summary.to) }));

  for (const p of summary.people) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(p.name);
    for (const section of personLines(p)) {
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(section.heading);
      doc.font('Helvetica').fontSize(10);
      for (const line of section.lines) doc.text(line, { indent: 12 });
    }
    doc
      .moveDown(0.4)
      .font('Helvetica-Oblique')
      .fontSize(10)
      .text(
        p.notShared.length === 0
          ? t('caseload.report.allShared')
          : t('caseload.report.notShared', {
              categories: p.notShared.map(categoryName).join(', '),
            }),
      );
  }

  const joint = summary.joint;
  if (joint) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(t('caseload.report.together'));
    doc.font('Helvetica').fontSize(10);
    if (joint.program) {
      doc.font('Helvetica-Bold').fontSize(11).text(t('caseload.report.steps'));
      doc.font('Helvetica').fontSize(10);
      const lines = [
        ...joint.program.done.map((s) =>
          t('caseload.report.stepDone', { step: s.title, date: day(s.at) }),
        ),
        ...joint.program.revisited.map((s) =>
          t('caseload.report.stepRevisited', { step: s.title, date: day(s.at) }),
        ),
      ];
      for (const line of lines.length ? lines : [t('caseload.report.nothing')])
        doc.text(line, { indent: 12 });
    }
    if (joint.agreements) {
      doc.font('Helvetica-Bold').fontSize(11).text(t('caseload.report.agreements'));
      doc.font('Helvetica').fontSize(10);
      const lines = joint.agreements.items.map((a) =>
        t('caseload.report.agreementLine', {
          category: t(`agreements.category.${a.category}`),
          status: t(`agreements.status.${a.status}`),
          date: day(a.at),
        }),
      );
      for (const line of lines.length ? lines : [t('caseload.report.nothing')])
        doc.text(line, { indent: 12 });
    }
    if (joint.notShared.length > 0)
      doc
        .moveDown(0.4)
        .font('Helvetica-Oblique')
        .text(
          t('caseload.report.jointNotShared', {
            categories: joint.notShared.map(categoryName).join(', '),
          }),
        );
  }

  doc
    .moveDown()
    .font('Helvetica')
    .fontSize(9)
    .text(
      t('caseload.report.generated', {
        date: new Date(meta.generatedAt).toISOString().slice(0, 16).replace('T', ' '),
      }),
    );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The report for a client (or couple), logged as an export of each category it holds. */
export async function clientReport(
  deps: Deps,
  c: Caller,
  { params, query }: Pick<Input<typeof caseloadApi.report>, 'params' | 'query'>,
  req: RequestInfo,
): Promise<Buffer> {
  const { summary, reads } = await buildSummary(deps, c, params.id, query.since);
  const who = await c.keys.people([c.userId]);
  const practice = await readPracticeSetting(deps.database.db, 'name');
  const pdf = await renderReport(summary, {
    practice: typeof practice === 'string' && practice ? practice : t('app.name'),
    therapist: who.name(c.userId),
    generatedAt: deps.clock(),
  });
  await logReads(deps, c, req, 'export', reads);
  return pdf;
}
