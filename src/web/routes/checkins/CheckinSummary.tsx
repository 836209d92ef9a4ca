import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Checkin } from '../../../shared/api/checkins.js';
import type { Journey } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { Isolated } from '../../components/bidi.js';
import { LockIcon, PeopleIcon } from '../../components/icons.js';
import { joinNames, useCheckinTherapists } from '../consent/api.js';
import { feelingLabel, formatWhen } from '../labels.js';

/** Who can see a check-in, in words and with an icon: "Only you", "You and Sam", "Shared by Sam". */
export function Visibility({ checkin, journey }: { checkin: Checkin; journey: Journey | null }) {
  const partner = journey?.partner?.displayName;
  const therapists = useCheckinTherapists();
  let icon = <PeopleIcon />;
  let words: ReactNode;
  if (!checkin.mine)
    words = <Isolated k="visibility.sharedBy" vars={{ name: checkin.authorName }} />;
  else if (checkin.visibility === 'partner') {
    words =
      therapists.length > 0
        ? t('consent.youAndOthers', {
            names: joinNames([partner ?? t('consent.yourPartner'), ...therapists]),
          })
        : partner
          ? t('visibility.youAnd', { name: partner })
          : t('visibility.youAndPartner');
  } else {
    icon = <LockIcon />;
    // A therapist the person lets see check-ins sees the ones kept from the partner too.
    words =
      therapists.length > 0
        ? t('consent.onlyYouAnd', { names: joinNames(therapists) })
        : t('visibility.onlyYou');
  }
  return (
    <span className="visibility">
      {icon}
      <span>
        <span className="visually-hidden">{t('visibility.label')} </span>
        {words}
      </span>
    </span>
  );
}

/** One check-in as it reads: when, who can see it, the feelings with their strength, the note. */
export function CheckinSummary({
  checkin,
  journey,
  headingLevel,
  headingId,
  children,
}: {
  checkin: Checkin;
  journey: Journey | null;
  headingLevel: 2 | 3;
  headingId?: string;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="checkin">
      <div className="checkin-head">
        <Heading id={headingId}>
          <time dateTime={new Date(checkin.createdAt).toISOString()}>
            {formatWhen(checkin.createdAt)}
          </time>
        </Heading>
        <Visibility checkin={checkin} journey={journey} />
      </div>
      <ul className="feelings" aria-label={t('checkins.feelingsLabel')}>
        {checkin.feelings.map((f) => (
          <li key={f.feeling}>
            {t('checkins.feelingWithIntensity', {
              feeling: feelingLabel(f.feeling),
              intensity: f.intensity,
            })}
          </li>
        ))}
      </ul>
      {checkin.note ? (
        <p className="note-text" dir="auto">
          {checkin.note}
        </p>
      ) : null}
      {checkin.noteCut ? (
        <p>
          <Link to={`/app/checkins#checkin-${checkin.id}`}>{t('today.readWholeNote')}</Link>
        </p>
      ) : null}
      {children}
    </div>
  );
}
