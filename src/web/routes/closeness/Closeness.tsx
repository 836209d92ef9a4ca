import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  closenessGroups,
  closenessKinds,
  type ClosenessGroup,
} from '../../../core/intimacy/kinds.js';
import { closenessMarks, type ClosenessMark } from '../../../core/intimacy/rounds.js';
import type { ClosenessMatches } from '../../../shared/api/closeness.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { Choices, choiceId } from '../../components/choices.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { closenessKeys, useClosenessMatches, useMyCloseness } from './queries.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

type Marks = Partial<Record<string, ClosenessMark>>;

const fieldName = (id: string) => `closeness-${id.replace(/\W/g, '-')}`;
const markOptions = closenessMarks.map((m) => ({
  value: m,
  label: ts(`closeness.mark.${m}` as StepsMessageKey),
}));

/** What both marked ready, or a calm word on why nothing shows yet. Never anything else. */
function Matches({ view }: { view: ClosenessMatches }) {
  return (
    <section aria-labelledby="closeness-matches" className="stack">
      <h2 id="closeness-matches">{ts('closeness.matchesTitle')}</h2>
      {view.state === 'shown' ? (
        view.matches && view.matches.length > 0 ? (
          <ul>
            {view.matches.map((m) => (
              <li key={m.id}>{m.label}</li>
            ))}
          </ul>
        ) : (
          <p>{ts('closeness.noMatches')}</p>
        )
      ) : (
        <p>{ts(view.state === 'waiting' ? 'closeness.waiting' : 'closeness.waitingForMe')}</p>
      )}
      <p className="hint">{ts('closeness.roundNote')}</p>
    </section>
  );
}

/** My marks: a fieldset per kind, three choices each, nothing chosen until I choose. */
function MarksForm({ saved }: { saved: Marks | null }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [marks, setMarks] = useState<Marks>(saved ?? {});
  const [missing, setMissing] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const summary = useRef<HTMLParagraphElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  // Read once: the form mounts after my marks have loaded, and only this form changes them.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const refresh = () => client.invalidateQueries({ queryKey: closenessKeys.all });
  const save = useMutation({
    mutationFn: (complete: Record<string, ClosenessMark>) =>
      call(endpoints.closeness.mark, { body: { marks: complete } }),
    onSuccess: async () => {
      await refresh();
      announce(ts('closeness.saved'));
    },
  });
  const reset = useMutation({
    mutationFn: () => call(endpoints.closeness.reset),
    onSuccess: async () => {
      setConfirming(false);
      setMarks({});
      await refresh();
      announce(ts('closeness.resetDone'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const open = closenessKinds.filter((k) => !marks[k.id]).map((k) => k.id);
    setMissing(open);
    if (open.length > 0) {
      // Lead to the first open choice; the summary above says how many are left.
      document.getElementById(choiceId(fieldName(open[0]!), 'ready'))?.focus();
      return;
    }
    save.mutate(Object.fromEntries(closenessKinds.map((k) => [k.id, marks[k.id]!])));
  };

  const byGroup = (g: ClosenessGroup) => closenessKinds.filter((k) => k.group === g);
  return (
    <section aria-labelledby="closeness-form" className="stack">
      <h2 id="closeness-form">{ts('closeness.formTitle')}</h2>
      {saved ? <p className="hint">{ts('closeness.savedNote')}</p> : null}
      <form onSubmit={submit} noValidate className="stack">
        {missing.length > 0 ? (
          <p ref={summary} role="alert" className="field-error">
            {ts('closeness.unmarkedSummary', { count: missing.length })}
          </p>
        ) : null}
        {closenessGroups.map((g) => (
          <div key={g} className="stack">
            <h3>{ts(`closeness.group.${g}` as StepsMessageKey)}</h3>
            {byGroup(g).map((k) => (
              <Choices
                key={k.id}
                type="radio"
                compact
                name={fieldName(k.id)}
                legend={k.label}
                error={
                  missing.includes(k.id) && !marks[k.id] ? ts('closeness.unmarked') : undefined
                }
                options={markOptions}
                isChecked={(v) => marks[k.id] === v}
                onToggle={(v, checked) => {
                  if (checked) setMarks((m) => ({ ...m, [k.id]: v }));
                }}
              />
            ))}
          </div>
        ))}
        <ErrorLine error={save.error} />
        <p className="actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {ts('closeness.save')}
          </button>
          {saved && !confirming ? (
            <button type="button" className="button quiet" onClick={() => setConfirming(true)}>
              {ts('closeness.reset')}
            </button>
          ) : null}
        </p>
      </form>
      {confirming ? (
        <ConfirmStep
          ref={confirmRef}
          id="closeness-reset"
          text={ts('closeness.resetConfirm')}
          error={reset.error}
          busy={reset.isPending}
          confirm={ts('closeness.resetYes')}
          onConfirm={() => reset.mutate()}
          decline={ts('closeness.resetNo')}
          onDecline={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

/**
 * Step 6, "what I feel ready for": each of us marks the kinds of closeness privately; only what we
 * both marked ready shows, as a set, once we have both finished a round. Never offered in safety
 * mode: the screen then says so calmly and shows no form.
 */
export function Closeness() {
  const journey = useJourney();
  const safety = useSafety();
  const current = journey.data?.journey ?? null;
  const safetyMode = safety.data?.safetyMode ?? false;
  const partnered = Boolean(current?.partner);
  const open = Boolean(current) && partnered && safety.isSuccess && !safetyMode;
  const mine = useMyCloseness(open);
  const matches = useClosenessMatches(open);
  const partner = current?.partner?.displayName ?? t('join.yourPartner');

  let body;
  if (journey.isPending || safety.isPending) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  // Until safety mode is known nothing is offered: a failed read says so instead of waiting.
  else if (safety.isError) body = <p>{problemOf(safety.error).detail}</p>;
  else if (safetyMode) body = <p className="note">{ts('closeness.safetyMode')}</p>;
  else if (!current) {
    body = (
      <EmptyState text={ts('closeness.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else if (!partnered) body = <p className="note">{ts('closeness.noPartner')}</p>;
  else if (mine.isPending || matches.isPending) body = <Loading />;
  else if (mine.isError || matches.isError) {
    const problem = problemOf(mine.error ?? matches.error);
    body = (
      <div role="alert">
        <p>{problem.detail}</p>
        {problem.code === 'safety.check_needed' ? (
          <p>
            <Link to="/app/safety">{ts('closeness.safetyFirst')}</Link>
          </p>
        ) : null}
      </div>
    );
  } else {
    body = (
      <>
        <p>{ts('closeness.howItWorks', { name: partner })}</p>
        <Matches view={matches.data} />
        <MarksForm saved={mine.data.marks} />
      </>
    );
  }

  return (
    <Page title={ts('closeness.title')} lede={ts('closeness.lede')}>
      {body}
    </Page>
  );
}
