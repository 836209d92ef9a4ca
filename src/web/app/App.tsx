import { lazy } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { SignIn } from '../routes/auth/SignIn.js';
import { AnnouncerProvider } from './announcer.js';
import {
  AdminOnly,
  AppShell,
  MembersOnly,
  NotFound,
  PublicShell,
  TherapistsOnly,
} from './Shell.js';

// Each screen is its own chunk, so the first load carries only the shell. Sign-in is the front
// door of every returning visit: in the shell, it paints without waiting for a second request.
const SignUp = lazy(() => import('../routes/auth/SignUp.js').then((m) => ({ default: m.SignUp })));
const Setup = lazy(() => import('../routes/auth/Setup.js').then((m) => ({ default: m.Setup })));
const Join = lazy(() => import('../routes/partners/Join.js').then((m) => ({ default: m.Join })));
const Together = lazy(() =>
  import('../routes/partners/Together.js').then((m) => ({ default: m.Together })),
);
const Today = lazy(() => import('../routes/today/Today.js').then((m) => ({ default: m.Today })));
const Start = lazy(() => import('../routes/journeys/Start.js').then((m) => ({ default: m.Start })));
const Settings = lazy(() =>
  import('../routes/settings/Settings.js').then((m) => ({ default: m.Settings })),
);
const Checkins = lazy(() =>
  import('../routes/checkins/Checkins.js').then((m) => ({ default: m.Checkins })),
);
const NewCheckin = lazy(() =>
  import('../routes/checkins/NewCheckin.js').then((m) => ({ default: m.NewCheckin })),
);
const Letters = lazy(() =>
  import('../routes/letters/Letters.js').then((m) => ({ default: m.Letters })),
);
const LetterEditor = lazy(() =>
  import('../routes/letters/LetterEditor.js').then((m) => ({ default: m.LetterEditor })),
);
const Screens = lazy(() =>
  import('../routes/screens/Screens.js').then((m) => ({ default: m.Screens })),
);
const TakeScreen = lazy(() =>
  import('../routes/screens/TakeScreen.js').then((m) => ({ default: m.TakeScreen })),
);
const ScreenResult = lazy(() =>
  import('../routes/screens/TakeScreen.js').then((m) => ({ default: m.ScreenResult })),
);
const FeelingTrends = lazy(() =>
  import('../routes/screens/FeelingTrends.js').then((m) => ({ default: m.FeelingTrends })),
);

const Program = lazy(() =>
  import('../routes/program/Program.js').then((m) => ({ default: m.Program })),
);
const ProgramStep = lazy(() =>
  import('../routes/program/ProgramStep.js').then((m) => ({ default: m.ProgramStep })),
);

const Agreements = lazy(() =>
  import('../routes/agreements/Agreements.js').then((m) => ({ default: m.Agreements })),
);
const Commitments = lazy(() =>
  import('../routes/commitments/Commitments.js').then((m) => ({ default: m.Commitments })),
);
const Activities = lazy(() =>
  import('../routes/activities/Activities.js').then((m) => ({ default: m.Activities })),
);
const Questions = lazy(() =>
  import('../routes/questions/Questions.js').then((m) => ({ default: m.Questions })),
);

const PracticeSettings = lazy(() =>
  import('../routes/practice/PracticeSettings.js').then((m) => ({ default: m.PracticeSettings })),
);
const ReadLog = lazy(() =>
  import('../routes/audit/ReadLog.js').then((m) => ({ default: m.ReadLog })),
);
const AuditLog = lazy(() =>
  import('../routes/audit/AuditLog.js').then((m) => ({ default: m.AuditLog })),
);

const MyTherapist = lazy(() =>
  import('../routes/consent/MyTherapist.js').then((m) => ({ default: m.MyTherapist })),
);
const LinkRequests = lazy(() =>
  import('../routes/consent/LinkRequests.js').then((m) => ({ default: m.LinkRequests })),
);

const Intake = lazy(() =>
  import('../routes/intake/Intake.js').then((m) => ({ default: m.Intake })),
);
const IntakeRequest = lazy(() =>
  import('../routes/intake/Intake.js').then((m) => ({ default: m.IntakeRequest })),
);

const MyProfile = lazy(() =>
  import('../routes/directory/MyProfile.js').then((m) => ({ default: m.MyProfile })),
);
const ManageGroups = lazy(() =>
  import('../routes/groups/ManageGroups.js').then((m) => ({ default: m.ManageGroups })),
);

const Therapists = lazy(() =>
  import('../routes/therapists/Therapists.js').then((m) => ({ default: m.Therapists })),
);
const TherapistInvite = lazy(() =>
  import('../routes/therapists/TherapistInvite.js').then((m) => ({ default: m.TherapistInvite })),
);
const Outbox = lazy(() =>
  import('../routes/outbox/Outbox.js').then((m) => ({ default: m.Outbox })),
);

const ClientSummary = lazy(() =>
  import('../routes/caseload/ClientSummary.js').then((m) => ({ default: m.ClientSummary })),
);

const SafetyCheck = lazy(() =>
  import('../routes/safety/SafetyCheck.js').then((m) => ({ default: m.SafetyCheck })),
);
const Closeness = lazy(() =>
  import('../routes/closeness/Closeness.js').then((m) => ({ default: m.Closeness })),
);
const Prompts = lazy(() =>
  import('../routes/reconnection/Prompts.js').then((m) => ({ default: m.Prompts })),
);
const Appreciations = lazy(() =>
  import('../routes/reconnection/Appreciations.js').then((m) => ({ default: m.Appreciations })),
);
const Meetings = lazy(() =>
  import('../routes/meetings/Meetings.js').then((m) => ({ default: m.Meetings })),
);
const Forgiveness = lazy(() =>
  import('../routes/forgiveness/Forgiveness.js').then((m) => ({ default: m.Forgiveness })),
);

/** Every screen's address (exported so a test can check that every exercise has one). */
export const appRoutes: RouteObject[] = [
  {
    element: (
      <AnnouncerProvider>
        <Outlet />
      </AnnouncerProvider>
    ),
    children: [
      {
        element: <PublicShell />,
        children: [
          { path: '/signin', element: <SignIn /> },
          { path: '/signup', element: <SignUp /> },
          { path: '/setup', element: <Setup /> },
          { path: '/join', element: <Join /> },
          { path: '/therapist-invite', element: <TherapistInvite /> },
        ],
      },
      {
        path: '/app',
        element: <AppShell />,
        children: [
          { index: true, element: <Today /> },
          { path: 'settings', element: <Settings /> },
          {
            element: <AdminOnly />,
            children: [
              { path: 'practice', element: <PracticeSettings /> },
              { path: 'audit', element: <AuditLog /> },
              { path: 'therapists', element: <Therapists /> },
              { path: 'outbox', element: <Outbox /> },
            ],
          },
          {
            element: <TherapistsOnly />,
            children: [
              { path: 'requests', element: <LinkRequests /> },
              { path: 'profile', element: <MyProfile /> },
              { path: 'clients/:id', element: <ClientSummary /> },
            ],
          },
          {
            element: <AdminOnly />,
            children: [{ path: 'groups', element: <ManageGroups /> }],
          },
          // The inbox: the administrator's and each therapist's (the screens send members home).
          { path: 'intake', element: <Intake /> },
          { path: 'intake/:id', element: <IntakeRequest /> },
          {
            element: <MembersOnly />,
            children: [
              { path: 'start', element: <Start /> },
              { path: 'privacy/reads', element: <ReadLog /> },
              { path: 'safety', element: <SafetyCheck /> },
              { path: 'together', element: <Together /> },
              { path: 'checkins', element: <Checkins /> },
              { path: 'checkins/new', element: <NewCheckin /> },
              { path: 'checkins/trends', element: <FeelingTrends /> },
              { path: 'screens', element: <Screens /> },
              { path: 'screens/:id/take', element: <TakeScreen /> },
              { path: 'screens/:id/results/:resultId', element: <ScreenResult /> },
              { path: 'letters', element: <Letters /> },
              { path: 'letters/new', element: <LetterEditor /> },
              { path: 'program', element: <Program /> },
              { path: 'program/:stepId', element: <ProgramStep /> },
              { path: 'agreements', element: <Agreements /> },
              { path: 'commitments', element: <Commitments /> },
              { path: 'therapist', element: <MyTherapist /> },
              { path: 'activities', element: <Activities /> },
              { path: 'closeness', element: <Closeness /> },
              { path: 'prompts', element: <Prompts /> },
              { path: 'appreciations', element: <Appreciations /> },
              { path: 'questions', element: <Questions /> },
              { path: 'meetings', element: <Meetings /> },
              { path: 'forgiveness', element: <Forgiveness /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
      // The server renders "/" itself; this only matters for the Vite dev server.
      { path: '/', element: <Navigate to="/app" replace /> },
      { element: <PublicShell />, children: [{ path: '*', element: <NotFound /> }] },
    ],
  },
];

/** A data router, so that a screen with unsaved words can ask before anyone navigates away. */
export const createRouter = () => createBrowserRouter(appRoutes);
