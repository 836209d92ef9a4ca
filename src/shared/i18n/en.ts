/**
 * Every string a person reads, in English. Keys are grouped by where they appear.
 * Voice: plain, warm, second person, never blaming (see DESIGN.md).
 */
export const en = {
  'app.name': 'Steadfast',
  'app.tagline': 'Rebuilding trust, at your own pace',
  'app.noScript':
    'Your private space needs JavaScript, which is turned off in this browser. The Learn pages and crisis resources work without it.',
  'chrome.skipToContent': 'Skip to content',
  'chrome.getHelpNow': 'Get help now',
  'chrome.getHelpNowLabel': 'Get help now: crisis lines and emergency numbers',
  'chrome.mainNav': 'Main',
  'chrome.learn': 'Learn',
  'chrome.tools': 'Tools',
  'chrome.signIn': 'Sign in',
  'chrome.signUp': 'Create an account',
  'chrome.openApp': 'Open my space',
  'chrome.footerTherapy':
    'Steadfast complements therapy and does not replace it. If you are in danger, call your local emergency number.',
  'chrome.footerPrivacy':
    'Private by default: nothing you write is seen by anyone until you share it.',

  'learn.indexTitle': 'Learn',
  'learn.indexIntro':
    'Plain answers about betrayal, its impact and how repair works. No account needed, nothing is tracked.',
  'learn.readMore': 'Read: {title}',
  'learn.nextSteps': 'When you are ready',
  'learn.startCta': 'Create a private space',
  'learn.allPages': 'All Learn pages',

  'help.title': 'Get help now',
  'help.intro':
    'If you or someone else is in immediate danger, call your emergency number now. These lines are free and confidential.',
  'help.chooseCountry': 'Your country',
  'help.show': 'Show numbers',
  'help.emergency': 'Emergency',
  'help.call': 'Call {number}',
  'help.kind.crisis': 'If you are thinking about suicide or self-harm, or feel overwhelmed',
  'help.kind.abuse': 'If you are afraid of a partner, or are being hurt or controlled',
  'help.otherCountries': 'Other countries',
  'help.anywhereElse': 'Anywhere else',
  'help.anywhereElseText':
    'Call your local emergency number. If you are not in immediate danger, your doctor or a local crisis service can help, and so can the practice that runs this site.',
  'help.verified':
    'These numbers were checked on {date}. If one does not work, call your local emergency number.',

  'common.loading': 'Loading…',
  'common.tryAgain': 'Try again',
  'common.reload': 'Reload the page',
  'common.cancel': 'Cancel',
  'common.notNow': 'Not now',

  'error.networkTitle': "We couldn't reach Steadfast",
  'error.network':
    "We couldn't reach Steadfast just now. Please check your connection and try again.",
  'error.unexpectedTitle': 'Something went wrong',
  'error.unexpected':
    'Something went wrong on our side. Please try again in a moment; nothing you typed has been lost.',
  'error.screenTitle': "This page didn't load",
  'error.screen':
    "This part of the app didn't load, perhaps because the connection dropped or the app was just updated. Reloading usually helps.",
  'form.severalProblems': 'A few answers need another look:',
  'text.nul':
    'This has a hidden character we cannot keep (a "null" character, which sometimes comes with copied text). Please remove it or type that part again.',
  'text.loneSurrogate':
    'This has a broken character, perhaps half of an emoji. Please remove it or type that part again.',

  'nav.label': 'Your space',
  'nav.today': 'Today',
  'nav.mySpace': 'My space',
  'nav.together': 'Together',
  'nav.settings': 'Settings',
  'nav.practice': 'Practice',

  'account.name': 'What should we call you?',
  'account.email': 'Email',
  'account.emailHint': 'You sign in with it. We never show it to anyone else.',
  'account.password': 'Password',
  'account.newPasswordHint':
    'At least {min} characters. A few unrelated words are easy to remember and hard to guess.',

  'signup.title': 'Create your private space',
  'signup.lede': 'Nothing you write here is seen by anyone until you choose to share it.',
  'signup.nameHint':
    'A first name or a nickname. If you invite your partner, this is the name they see.',
  'signup.invited': 'Once your account is ready, you will join the journey you were invited to.',
  'signup.submit': 'Create my space',
  'signup.submitting': 'Creating your space…',
  'signup.haveAccount': 'Already have an account?',

  'signin.title': 'Sign in',
  'signin.lede': 'Welcome back. Take your time.',
  'signin.endedIdle':
    'You were signed out after a while without use, to keep your space private. Everything you saved is still here.',
  'signin.toContinue':
    'Please sign in to continue. If you were signed in before, your session may have ended to keep your space private.',
  'idle.notice':
    'Still there? To keep your space private, you will be signed out in a minute unless you choose to stay.',
  'idle.stay': 'Stay signed in',
  'idle.wordsBack':
    'Welcome back. What you were writing before you were signed out is here again. It is not saved yet.',
  'signin.invited': 'After you sign in, you will join the journey you were invited to.',
  'signin.submit': 'Sign in',
  'signin.submitting': 'Signing in…',
  'signin.new': 'New here?',

  'setup.title': 'Set up Steadfast',
  'setup.lede':
    "Create the administrator account for this practice's Steadfast. Administrators look after the practice's settings; they never see what people write on their journeys.",
  'setup.nameHint': 'Your name as the practice knows you.',
  'setup.submit': 'Create the administrator account',
  'setup.submitting': 'Creating the account…',
  'setup.complete': 'Setup is complete: this Steadfast already has an administrator.',
  'setup.done': 'The administrator account is ready, and you are signed in.',

  'admin.welcome': 'Welcome, {name}.',
  'admin.intro': "You manage this practice's Steadfast.",
  'admin.privacy':
    'Journey content is never visible to administrators: not check-ins, not notes, not who shared what.',
  'admin.publicSite': 'View the public pages',
  'admin.apiDocs': 'API reference',

  'join.pageTitle': 'Invitation',
  'join.title': 'You have been invited',
  'join.invitedBy': '{name} invited you to rebuild trust together on Steadfast.',
  'join.someone': 'Someone',
  'join.yourPartner': 'your partner',
  'join.privacy':
    'You will have your own private space. Nothing you write is shared unless you choose to, one item at a time.',
  'join.signUp': 'Create an account to join',
  'join.signIn': 'I already have an account',
  'join.accept': "Join {name}'s journey",
  'join.roleHint':
    'Your own answer, whatever your partner chose. It shapes what we suggest to you, and your partner does not see it.',
  'join.roleMissing':
    'Please choose how you would describe your part, even if it is “I would rather not say”.',
  'join.joining': 'Joining…',
  'join.joined': 'You have joined {name} on this journey.',
  'join.adminAccount':
    'You are signed in as an administrator, and administrators do not take part in journeys. To join, sign out and open the link again.',
  'join.problemTitle': 'This invitation cannot be used',
  'join.noToken':
    'This invitation link is not complete. Please open the whole link you were sent, or ask for a new one.',
  'join.status.used':
    'This invitation has already been used. Each link works once, so if you still want to join, you could ask for a new one.',
  'join.status.expired':
    'This invitation has expired: links last seven days. You could ask for a new one whenever you are both ready.',
  'join.status.revoked':
    'This invitation is no longer active. If you expected it to work, you could ask for a new link.',
  'join.wayForward':
    'If you still want to join, the person who invited you can send a new link. Meanwhile you are welcome to create your own private space, or read about how repair works.',

  'today.welcomeNew': 'Welcome, {name}. This is your private space.',
  'today.welcomeBack': "Welcome back, {name}. Whenever you're ready.",
  'today.welcomeJoined': 'Welcome, {name}. Glad you are here. Take it at your own pace.',
  'today.beginTitle': 'Begin when you are ready',
  'today.beginText':
    'A few questions help us shape what we offer you: the path you want to take, your part, and what happened. It takes a minute, and you can change any of it later.',
  'today.begin': 'Begin',
  'today.checkinTitle': 'A moment for yourself',
  'today.checkinText':
    'A check-in is a moment to notice how you feel. A word or two is enough, and it stays private unless you share it.',
  'today.checkIn': 'Check in',
  'today.latestTitle': 'Latest check-in',
  'today.noCheckins': 'Nothing here yet. Your first check-in will show here.',
  'today.allCheckins': 'All check-ins in My space',
  'today.readWholeNote': 'Read the whole note',
  'today.journeyTitle': 'Your journey',
  'today.together': 'You and {name} share this journey.',
  'today.partnerNotYet': 'Your partner has not joined yet.',
  'today.invite': 'Invite them when you are both ready',
  'today.ownPath': 'Your path: {path}. You can change it at any time in Settings.',

  'start.title': 'Start your journey',
  'start.lede': 'A few questions, so that what we offer fits where you are.',
  'start.changeLater': 'You can change any of this later.',
  'start.pathLegend': 'How would you like to go through this?',
  'start.pathHint': 'Every path is a real path. None of them is a lesser one.',
  'start.roleLegend': 'How would you describe your part?',
  'start.roleHint': 'This shapes what we suggest to you. Your partner does not see your answer.',
  'start.kindsLegend': 'What happened?',
  'start.kindsHint': 'Choose all that apply. If your partner joins, you will both see these.',
  'start.whenLabel': 'When did it come to light?',
  'start.whenHint': 'A rough idea is enough.',
  'start.whenChoose': 'Choose one',
  'start.submit': 'Start my journey',
  'start.submitting': 'Starting…',
  'start.done': 'Your journey has started. Take it at your own pace.',

  'path.together': 'Rebuild together',
  'path.together.text':
    'You and your partner each keep a private space, and share one for the work you do together.',
  'path.solo': 'Heal on my own',
  'path.solo.text':
    'A full path for you alone, whatever you decide about the relationship. You can invite your partner later if you want to.',
  'path.unsure': 'Not sure yet',
  'path.unsure.text':
    'That is a fine place to start. Look after yourself first, and decide later, or never.',
  'role.hurt': 'I was hurt',
  'role.broke_trust': 'I broke trust',
  'role.both': 'Both: we each broke trust in some way',
  'role.unsaid': 'I would rather not say',
  'kind.physical_infidelity': 'Physical infidelity',
  'kind.emotional_infidelity': 'Emotional infidelity',
  'kind.lying': 'Lying',
  'kind.secrets': 'Keeping secrets',
  'kind.broken_confidence': 'Breaking a confidence',
  'kind.financial': 'Financial dishonesty',
  'kind.other': 'Something else',
  'kind.unsaid': 'I would rather not say',
  'cameToLight.this_week': 'This week',
  'cameToLight.this_month': 'Within the last month',
  'cameToLight.months_1_6': '1 to 6 months ago',
  'cameToLight.months_6_12': '6 to 12 months ago',
  'cameToLight.years_1_2': '1 to 2 years ago',
  'cameToLight.years_2_plus': 'More than 2 years ago',
  'cameToLight.unsaid': 'I would rather not say',

  'together.lede': 'What you and your partner share, and how to invite them.',
  'together.noJourney':
    'Once you start your journey, this is where you can invite your partner and see what you share.',
  'together.summaryTitle': 'Your journey',
  'together.path': 'Path',
  'together.role': 'Your part',
  'together.kinds': 'What happened',
  'together.when': 'When it came to light',
  'together.change': 'Change these in Settings',
  'together.sharedSpace':
    'Each of you keeps a private space. Anything either of you shares shows in My space, marked with who can see it.',
  'together.ownPath': 'You are on the path "{path}".',
  'together.switchLater':
    'If you would like to invite your partner one day, choose "Rebuild together" in Settings. There is no hurry.',
  'together.inviteTitle': 'Invite your partner',
  'together.inviteText':
    'When you are both ready, give them a private link. They create their own account; nothing you have written is shared unless you choose to.',
  'together.emailLabel': 'Their email (optional)',
  'together.emailHint':
    'If you add it, we send them a short, neutral message with the link: no names, nothing about why. Or leave it empty and pass the link on yourself.',
  'together.create': 'Create an invitation link',
  'together.createAnother': 'Create another link',
  'together.created': 'Your invitation link is ready.',
  'together.linkLabel': 'Invitation link',
  'together.linkHint': 'It works once, for 7 days.',
  'together.copy': 'Copy',
  'together.copied': 'Link copied.',
  'together.copyByHand': 'The link is selected: copy it with your device’s copy command.',
  'together.emailed': 'We also sent the link in a neutral message to the address you gave.',
  'together.pendingTitle': 'Invitations not used yet',
  'together.pendingTo': 'Sent to {email}. It works until {date}.',
  'together.pendingLink': 'A link you created. It works until {date}.',
  'together.withdraw': 'Withdraw',
  'together.withdrawn': 'The invitation is withdrawn. That link no longer works.',

  'settings.journeyTitle': 'Your journey',
  'settings.journeyText': 'Change any of these whenever you like.',
  'settings.pathLocked': '{name} has joined, so the path stays "{path}".',
  'settings.save': 'Save changes',
  'settings.saving': 'Saving…',
  'settings.saved': 'Your changes are saved.',
  'settings.accountTitle': 'Account',
  'settings.signedInAs': 'You are signed in as {name} ({email}).',
  'settings.signOut': 'Sign out',

  'visibility.label': 'Who can see this:',
  'visibility.onlyYou': 'Only you',
  'visibility.youAnd': 'You and {name}',
  'visibility.youAndPartner': 'You and your partner',
  'visibility.sharedBy': 'Shared by {name}',

  'checkins.lede': 'Your check-ins, newest first. Each one says who can see it.',
  'checkins.noJourney':
    'My space holds your check-ins. Start your journey first; it takes a minute.',
  'checkins.emptyTitle': 'Your check-ins will live here',
  'checkins.emptyText':
    'A check-in is a moment to name what you feel and how strongly. Looking back over them can show what is changing. Only you see them unless you choose to share one.',
  'checkins.first': 'Write your first check-in',
  'checkins.feelingsLabel': 'Feelings',
  'checkins.feelingWithIntensity': '{feeling}: {intensity} out of 10',
  'checkins.showOlder': 'Show older check-ins',
  'checkins.olderLoaded': 'Older check-ins are shown below.',
  'checkins.share': 'Share with {name}',
  'checkins.shareConfirm':
    '{name} will see this check-in: its feelings and note. You can take it back at any time.',
  'checkins.shareYes': 'Share with {name}',
  'checkins.sharedDone': 'Shared. You and {name} can see this check-in.',
  'checkins.unshare': 'Stop sharing',
  'checkins.unsharedDone': 'Only you can see this check-in now.',
  'checkins.delete': 'Delete',
  'checkins.deleteConfirm': 'Delete this check-in? It will be gone for good.',
  'checkins.deleteConfirmShared':
    'Delete this check-in? It will be gone for good, for you and for {name}.',
  'checkins.deleteYes': 'Delete for good',
  'checkins.keep': 'Keep it',
  'checkins.deletedDone': 'The check-in is deleted.',

  'checkin.title': 'Check in',
  'checkin.lede': 'Notice what you feel right now. There are no wrong answers.',
  'checkin.feelingsLegend': 'What are you feeling?',
  'checkin.feelingsHint': 'Choose as many as fit.',
  'checkin.intensityLegend': 'How strong is each feeling?',
  'checkin.intensityHint': 'From 0, barely there, to 10, as strong as it gets.',
  'checkin.outOf': '{value} out of {max}',
  'checkin.scaleLow': '0',
  'checkin.scaleHigh': '10',
  'checkin.noteLabel': 'Anything you want to add? (optional)',
  'checkin.noteHint': 'Write as much or as little as you like.',
  'checkin.count': '{count} of {max} characters',
  'checkin.noteTooLong': 'The note is longer than {max} characters. Your text is all still here.',
  'checkin.private': 'Only you will see this unless you choose to share it.',
  'checkin.save': 'Save check-in',
  'checkin.saving': 'Saving…',
  'checkin.saved': 'Check-in saved. Only you can see it.',
  'checkin.saveFailed': "We couldn't save that",
  'checkin.keptText': 'Your text is still here.',
  'checkin.signInNewTab': 'Sign in again in a new tab,',
  'checkin.signInThenSave': 'then come back to this tab and save. Your check-in will be waiting.',
  'checkin.leaveConfirm':
    'This check-in is not saved yet. If you leave now, what you wrote here will be gone.',
  'checkin.stay': 'Stay and keep writing',
  'checkin.leave': 'Leave without saving',

  'feeling.hurt': 'Hurt',
  'feeling.anger': 'Anger',
  'feeling.grief': 'Grief',
  'feeling.anxiety': 'Anxiety',
  'feeling.shock': 'Shock',
  'feeling.numbness': 'Numbness',
  'feeling.sadness': 'Sadness',
  'feeling.hope': 'Hope',
  'feeling.relief': 'Relief',
  'feeling.other': 'Something else',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is nothing at this address. It may have moved.',
  'notFound.home': 'Go to the home page',

  'docs.title': 'Steadfast API',
  'docs.intro': 'Every endpoint, generated from the same schemas the server validates with.',
  'docs.json': 'OpenAPI document (JSON)',
  'docs.access': 'Who may call it: {policy}',
  'docs.problem.code': 'Its code is {code}.',
  'docs.problem.forPrograms':
    'Programs receive this as problem details (RFC 9457): the same title and a detail for the moment, with this page as its type.',
  'docs.problem.back': 'Back to the API overview',

  'tools.indexTitle': 'Tools for intense moments',
  'tools.exercises': 'Exercises',
  'tools.exercisesIntro': 'Something to do right now, wherever you are. A few minutes is enough.',
  'tools.guidance': 'Guidance',
  'tools.guidanceIntro': 'What a strong feeling can be like after betrayal, and what can help.',
  'tools.nextSteps': 'More for this moment',
  'tools.allTools': 'All tools',
  'tools.fromLearn':
    'Tools for intense moments: slow breathing, grounding, and help with grief, anxiety and anger',
  'tools.fromHelp': 'If you are safe right now but overwhelmed: tools for intense moments',
  'tools.breathing.label':
    'A circle that slowly grows for about four seconds while you breathe in, then shrinks for about six seconds while you breathe out, again and again.',
  'tools.breathing.in': 'Breathe in',
  'tools.breathing.out': 'Breathe out',
  'tools.breathing.counts':
    'Breathe in while you count slowly to four… then breathe out while you count slowly to six. Repeat for as long as it helps.',

  'chart.empty':
    'There is nothing to show here yet. Once there are answers, you will see here how they change over time.',
  'chart.onePoint': 'A line appears once there are two answers to join.',
  'chart.imageLabel': 'Chart: {description} Every number is in the table below.',
  'chart.legend': 'Key to the chart',
  'chart.reliableNote':
    'A reliable change, counted from your first answers, is bigger than the usual ups and downs, so it is likely to be a real change.',
  'chart.showTable': 'Show the numbers as a table',
  'chart.when': 'Date',
  'chart.noEntry': 'Nothing recorded',
  'chart.valueInBand': '{value} ({band})',
  'chart.valueInRange': '{value} (likely {lower} to {upper})',
  'chart.marker.reliable_improvement': 'Reliable improvement',
  'chart.marker.reliable_deterioration': 'Reliable deterioration',
  'chart.marker.crisis': 'Crisis support offered',
  'chrome.quickExit': 'Quick exit',
  'chrome.quickExitHint':
    'Leave this page at once for a weather site. You can also press Shift three times.',
  'discreet.title': 'Notes',

  'safety.title': 'A few private questions',
  'safety.intro':
    'Before anything you do together, we ask about your safety. Only you will ever see your answers: not your partner, not a therapist, not the people who run this service. There are no wrong answers, and you can take these questions again at any time.',
  'safety.question': 'Thinking about your partner, or the person this is about:',
  'safety.q.afraid': 'Do you ever feel afraid of them, or of what they might do?',
  'safety.q.threatened':
    'Have they threatened to hurt you, themselves, someone you love or a pet, or to share private things about you?',
  'safety.q.harmed':
    'Have they pushed, hit, held you down, choked you or hurt you in any other way?',
  'safety.q.sexual': 'Have they pressured or forced you into anything sexual you did not want?',
  'safety.q.controlled':
    'Do they check your phone or messages, keep you from people, or control your money or where you go?',
  'safety.yes': 'Yes',
  'safety.no': 'No',
  'safety.submit': 'Save my answers privately',
  'safety.saving': 'Saving…',
  'safety.unanswered':
    'Please answer each question with yes or no. “Yes” is always a safe answer here.',
  'safety.modeTitle': 'Thank you for telling us',
  'safety.modeText':
    'What you described can mean you are not safe, and you deserve to be. From now on Steadfast puts your own path first: nothing will nudge you towards exercises with your partner, the screen shows a plain title, and you are signed out sooner when you leave it. You can still choose anything yourself.',
  'safety.modePrivate': 'Your partner cannot see any of this, or tell that anything changed.',
  'safety.talkText':
    'Helplines for abuse and for crisis are free and confidential, and they can help you think about what is right for you.',
  'safety.allLines': 'All helplines and emergency numbers',
  'crisisLines.title': 'Help now — {country}',
  'crisisLines.elsewhere': 'Somewhere else? Tap your country:',
  'crisisLines.choose': 'Tap your country to see its numbers here:',
  'safety.calmTitle': 'Your answers are saved',
  'safety.calmText':
    'Thank you for answering. Only you can see your answers. You can take these questions again at any time from Settings: if anything changes, they are there.',
  'safety.continue': 'Continue',
  'safety.quickExitTip':
    'If someone comes in, use Quick exit at the top of the screen, or press Shift three times.',

  'today.safetyFirstTitle': 'A few private questions first',
  'today.safetyFirstText':
    'Before anything you do together, we ask about your safety. It takes a minute, and only you see your answers.',
  'today.safetyFirstAction': 'Answer privately',
  'today.safetyModeTitle': 'Your safety comes first',
  'today.safetyModeText':
    'Here is what you can do on your own, at your own pace. Everything else is still there if you choose it.',
  'today.safetyHelplines': 'Talk to someone: helplines',
  'today.safetyTools': 'Tools for intense moments',
  'today.safetyWrite': 'Write just for yourself',

  'settings.safetyTitle': 'Privacy and safety',
  'settings.discreet': 'Discreet mode',
  'settings.discreetHint': {
    one: 'Shows a plain title (“Notes”) and icon, and signs you out after a minute without use.',
    other:
      'Shows a plain title (“Notes”) and icon, and signs you out after {count} minutes without use.',
  },
  'settings.safetyModeOn':
    'Safety mode is on: your own path comes first, and nothing nudges you towards joint exercises.',
  'settings.leaveSafetyMode': 'Leave safety mode',
  'settings.leaveSafetyConfirm':
    'Leave safety mode? Exercises with your partner will be suggested again. Discreet mode stays as it is, and you can take the safety questions again at any time.',
  'settings.leaveSafetyYes': 'Yes, leave safety mode',
  'settings.keepSafetyMode': 'Keep safety mode on',
  'settings.retakeSafety': 'Take the safety questions again',
  'settings.takeSafety': 'Answer the safety questions',
  'settings.country': 'Your country, for crisis lines',
  'settings.countryHint': 'Get help now shows this country’s numbers first.',
  'settings.countryNone': 'Somewhere else',
  'settings.countrySaved': 'Saved. Get help now will show these numbers first.',
  'practice.title': 'Practice settings',
  'practice.lede': 'These apply to everyone who uses Steadfast here.',
  'practice.defaultCountry': 'Country for crisis lines',
  'practice.defaultCountryHint':
    'People who have not chosen their own country see this country’s emergency number and helplines first on Get help now and on every crisis screen. They can choose their own at any time.',
  'practice.anywhereElse': 'No country: show the “anywhere else” advice',
  'practice.save': 'Save',
  'practice.saved': 'Saved. Crisis screens now show these numbers first.',

  'letters.title': 'Letters',
  'letters.lede':
    'Putting into words how this has affected you, and being understood. There is no hurry.',
  'letters.therapy':
    'Letters like these are often part of couples therapy. Steadfast complements therapy and does not replace it: if you see a therapist, you could bring what you write to a session.',
  'letters.noJourney': 'Letters live here once you have started your journey. It takes a minute.',
  'letters.emptyTitle': 'Your letters will live here',
  'letters.emptyImpact':
    'An impact letter tells your partner how this has affected you: what you felt, what changed, what you need them to understand. It stays a private draft until you choose to send it. Your partner can then write what they understood, and you can say whether you feel understood.',
  'letters.emptyUnsent':
    'It can help to write to the person who hurt you, knowing they will never read it. A letter here stays with you: it is never sent, and you can come back and write a new version whenever you like.',
  'letters.emptyReflect':
    'If {name} writes about how this has affected them and sends it to you, it will be here. You can then write, in your own words, what you understood from it.',
  'letters.startImpact': 'Write an impact letter',
  'letters.startUnsent': 'Write a letter for yourself',
  'letters.todayLink': 'Your letters',
  'letters.togetherTitle': 'Letters',
  'letters.togetherText':
    'An impact letter, and a reflection on what was understood from it: a way to say how this has affected you, and to be heard.',
  'letters.togetherLink': 'Go to letters',
  'letters.thread.mine': 'Your impact letter',
  'letters.thread.theirs': '{name}’s letter',
  'letters.thread.unsent': 'A letter for yourself',
  'letters.title.myLetter': 'Your letter, version {version}',
  'letters.title.letter': '{name}’s letter, version {version}',
  'letters.title.myReflection': 'Your reflection, version {version}',
  'letters.title.reflection': '{name}’s reflection, version {version}',
  'letters.who.draft': 'Draft: only you can see this',
  'letters.who.sentTo': 'Sent to {name}',
  'letters.who.sentBy': 'Sent by {name}',
  'letters.who.unsent': 'Only you: this letter is never sent',
  'letters.sentOn': 'Sent',
  'letters.savedOn': 'Last saved',
  'letters.continueDraft': 'Continue your draft',
  'letters.continueWriting': 'Continue writing',
  'letters.newVersion': 'Write a new version',
  'letters.reflect': 'Write your reflection',
  'letters.reflectAgain': 'Write a new version of your reflection',
  'letters.status.draft': 'This letter is a draft. Only you can see it until you send it.',
  'letters.status.private':
    'Only you can see this letter. It is never sent, and you can write a new version whenever you like.',
  'letters.status.sentMine':
    'Sent to {name}. They can write what they understood whenever they are ready.',
  'letters.status.reflectWhenReady':
    '{name} shared this letter with you. When you are ready, you can write what you understood from it.',
  'letters.status.reflectionArrived':
    '{name} wrote what they understood. Read it when you are ready; there is no hurry to answer.',
  'letters.status.reflectionSent':
    'Your reflection is with {name}. They can answer whenever they are ready.',
  'letters.status.notYetMine':
    'You answered “Not yet”. That is an honest answer, and a welcome one: it shows {name} there is more to understand.',
  'letters.status.notYetTheirs':
    '{name} answered “Not yet”. That is part of this work, not a failure. When you are ready, you can write a new version of your reflection.',
  'letters.status.understoodMine': 'You said you feel understood.',
  'letters.status.understoodTheirs': '{name} feels understood by your reflection.',
  'letters.answer.understood': 'I feel understood',
  'letters.answer.not_yet': 'Not yet',
  'letters.youAnswered': 'You answered: “{value}”',
  'letters.partnerAnswered': '{name} answered: “{value}”',
  'letters.answerTitle': 'Your answer',
  'letters.answerIntro':
    'Does this reflection show that {name} understood how this affected you? Either answer is a good answer. “Not yet” simply means there is more to understand, and they can write again. There is no hurry.',
  'letters.answerNoteLabel': 'Anything you want to add? (optional)',
  'letters.answerNoteHint': 'For example, what they understood well, or what still feels missing.',
  'letters.noteTooLong': 'The note is longer than {max} characters. Your text is all still here.',
  'letters.answerConfirm': '{name} will see your answer: “{value}”.',
  'letters.answerConfirmNote': '{name} will see your answer, “{value}”, and your note.',
  'letters.answerSend': 'Send my answer',
  'letters.answerSent': 'Your answer is sent. {name} can read it now.',
  'letters.editor.impactTitle': 'Your impact letter',
  'letters.editor.reflectionTitle': 'Your reflection',
  'letters.editor.unsentTitle': 'A letter for yourself',
  'letters.editor.impactLede':
    'Tell {name} how this has affected you, in your own words and at your own pace.',
  'letters.editor.reflectionLede': 'Write what you understood from the letter, in your own words.',
  'letters.editor.unsentLede': 'Say what you need to say. No one else will read it.',
  'letters.editor.label': 'Your letter',
  'letters.editor.reflectionLabel': 'Your reflection',
  'letters.editor.impactHint':
    'You might write about what you felt when you found out, what has changed for you since, and what you need {name} to understand. There is no right way to do this.',
  'letters.editor.reflectionHint':
    'Try to stay with {name}’s experience: what they felt, what changed for them, what they need. Explaining can wait; this is about showing that you heard them.',
  'letters.editor.unsentHint':
    'Write to them as if they could read it. They never will: this letter stays with you.',
  'letters.editor.private':
    'Saved as a private draft while you write. Only you can see it until you send it to {name}.',
  'letters.editor.unsentPrivate': 'Only you will ever see this letter. It is never sent.',
  'letters.editor.tooLong':
    'The letter is longer than {max} characters. Your text is all still here.',
  'letters.editor.saving': 'Saving…',
  'letters.editor.savedAt': 'Draft saved at {time}.',
  'letters.editor.save': 'Save draft',
  'letters.editor.savedDone': 'Your draft is saved. Only you can see it.',
  'letters.editor.sendLetter': 'Send my letter',
  'letters.editor.sendReflection': 'Send my reflection',
  'letters.editor.sendLetterConfirm':
    '{name} will be able to read this version of your letter. Once sent, it stays as it is: you can write a new version later, but not change this one.',
  'letters.editor.sendReflectionConfirm':
    '{name} will be able to read your reflection and answer it when they are ready. Once sent, it stays as it is.',
  'letters.editor.sendYes': 'Send to {name}',
  'letters.editor.sentDone': 'Sent. {name} can read it now.',
  'letters.editor.delete': 'Delete this draft',
  'letters.editor.deleteConfirm': 'Delete this draft? It will be gone for good.',
  'letters.editor.deletedDone': 'The draft is deleted.',
  'letters.editor.back': 'Back to letters',
  'letters.editor.noPartner':
    'You can send it once your partner has joined. Until then it stays a private draft.',
  'letters.editor.newerVersion':
    '{name} has sent a newer version of their letter. Your reflection is saved; you may want to read the new version and reflect on that one.',
  'letters.editor.moveToNewest': 'Reflect on the newer version',
  'letters.editor.leaveConfirm':
    'Some of what you wrote is not saved yet. If you leave now, those words will be gone.',
  'letters.editor.signInThenSave':
    'then come back to this tab and save. Your words will be waiting.',
  'letters.editor.goneTitle': 'This draft is not here',
  'letters.editor.gone':
    'This draft may have been sent or deleted, perhaps on another device. Everything that was sent is kept in Letters.',

  'timeouts.title': 'Time-out',
  'timeouts.intro':
    'When a conversation gets too heated, either of you can call a time-out: a pause, with a set time to come back to it. It looks after the conversation; it does not end it.',
  'timeouts.legend': 'Until when?',
  'timeouts.hint': 'You will both come back to this then. You can end it sooner.',
  'timeouts.choice.m20': '20 minutes',
  'timeouts.choice.h1': '1 hour',
  'timeouts.choice.h2': '2 hours',
  'timeouts.choice.evening': 'This evening, at {time}',
  'timeouts.choice.morning': 'Tomorrow morning, at {time}',
  'timeouts.privacy': '{name} will see only that there is a time-out and when it ends, never why.',
  'timeouts.call': 'Call a time-out',
  'timeouts.calledDone': 'Your time-out runs until {time}.',
  'timeouts.until': 'Time-out until {time}',
  'timeouts.prompt': 'It’s okay to take a break. You’ll both come back to this at {time}.',
  'timeouts.yours': 'You asked for a time-out until {time}.',
  'timeouts.yoursPrompt': 'Take the time you need. If you are ready sooner, you can end it now.',
  'timeouts.end': 'End it now',
  'timeouts.endedDone': 'The time-out has ended.',

  'screens.title': "How you're doing",
  'screens.lede':
    'Two short sets of questions, one on mood and one on worry, about how the last two weeks have been for you — and, over time, how that changes.',
  'screens.whatTitle': 'What these questions are',
  'screens.whatText':
    'They are questionnaires that doctors and therapists use around the world. Answering them every few weeks can help you notice changes that are hard to see from one day to the next, and give you words for them when you talk to someone.',
  'screens.notDiagnosis':
    'These questions are a screen, not a diagnosis: only a professional who knows you can say what your answers mean for you. Steadfast complements therapy; it does not replace it.',
  'screens.lowerIsBetter': 'On both, a lower score means the last two weeks weighed on you less.',
  'screens.private': 'Only you can see your answers and your results.',
  'screens.about':
    'A {count}-question check for signs of {measures}, used by doctors and therapists. It asks about the last two weeks and takes a few minutes.',
  'screens.latest':
    'Your most recent answers, on {date}: {total} out of {max}, in the {band} range.',
  'screens.chartTitle': 'How your {name} score has changed',
  'screens.seriesLabel': '{name} score',
  'screens.yLabel': 'Score ({min}–{max})',
  'screens.tableCaption': '{name} scores by date',
  'screens.chartEmpty':
    'You have not answered the {name} questions yet. When you do, your scores will show here, so you can see how things change.',
  'screens.chartNone': 'You have no {name} scores yet.',
  'screens.chartOne': 'Your {name} score was {total} ({band}) on {date}.',
  'screens.chartMany':
    'Your {name} score went from {first} ({firstBand}) on {firstDate} to {last} ({lastBand}) on {lastDate}.',
  'screens.chartImproved': 'That is a reliable improvement since your first answers.',
  'screens.chartWorse': 'That is a reliable change for the worse since your first answers.',
  'screens.takeFirst': 'Answer the {name} questions',
  'screens.takeAgain': 'Answer the {name} questions again',
  'screens.takeTitle': 'The {name} questions',
  'screens.takeLede': {
    one: 'One question about the last two weeks. There are no right or wrong answers: choose what fits best, even when it is hard to say.',
    other:
      '{count} questions about the last two weeks. There are no right or wrong answers: choose what fits best, even when it is hard to say.',
  },
  'screens.itemLegend': '{n}. {text}',
  'screens.followUpHint': 'You can leave this one out. It is not part of the score.',
  'screens.submit': 'Save my answers',
  'screens.saving': 'Saving…',
  'screens.saveFailed': "We couldn't save your answers",
  'screens.unanswered':
    'Please choose an answer for each question. The ones still open are marked.',
  'screens.needsAnswer': 'Please choose an answer.',
  'screens.crisisTitle': "You don't have to carry this alone",
  'screens.crisisThanks': 'Thank you for answering honestly. That takes courage.',
  'screens.crisisCommon':
    'Thoughts that you would be better off dead, or of hurting yourself, are more common than many people think, especially after a painful shock. They are a sign of how much you are carrying, not of weakness, and they can ease with support.',
  'screens.crisisHelpNow':
    'Help is available right now, from people who understand. Talking to someone, even for a few minutes, can make the next hour easier.',
  'screens.crisisDanger':
    'If you might act on these thoughts, or you are not safe right now, call your emergency number now.',
  'screens.continueToResults': 'Continue to my results',
  'screens.supportTitle': 'Help is there at any time',
  'screens.backToSupport': 'See the support and numbers again',
  'screens.crisisReminder':
    'If those thoughts come back, help is there at any time: Get help now is at the top of every screen.',
  'screens.resultTitle': 'Your {name} results',
  'screens.resultScore': 'Your score is {total} out of {max}, which is in the {band} range.',
  'screens.guidanceTitle': 'Talking to a professional is likely to help',
  'screens.guidanceText':
    "Your answers suggest you're carrying a lot right now. At this level, talking to a professional, such as a therapist, a counsellor or your doctor, is likely to help. You don't need to wait until things get worse.",
  'screens.guidanceTherapist':
    "If you already see a therapist, you could tell them about these answers. If you don't, a therapist who works with betrayal and relationships can help with both what happened and how you are feeling.",
  'screens.belowGuidance':
    'If something in these answers still worries you, talking it over with someone you trust, or with a professional, can help.',
  'screens.changeFirst':
    'These are your first answers. Later answers will be compared with them, so you can see how things change.',
  'screens.changeSince':
    'Your first answers, on {date}, scored {first}. This time you scored {total}.',
  'screens.changeImproved': 'That is a reliable improvement: more than the usual ups and downs.',
  'screens.changeWorse':
    'That is a rise of more than the usual ups and downs. That can happen when things get harder. Be gentle with yourself, and think about talking to someone.',
  'screens.changeSame': 'The difference is within the usual ups and downs.',
  'screens.replacedToday':
    'These answers replace the ones you gave earlier today, so each day counts once.',
  'screens.changeRule': {
    one: 'A change of {count} point or more from your first answers counts as reliable. Source: {source}.',
    other:
      'A change of {count} points or more from your first answers counts as reliable. Source: {source}.',
  },
  'screens.changeRuleOther': 'How reliable change is worked out. Source: {source}.',
  'screens.recovered':
    'Since your first answers, your score has moved below the level at which support is usually offered.',
  'screens.seeOverTime': 'See how things change over time',
  'screens.backToToday': 'Back to Today',
  'screens.retakeTitle': "How you're doing",
  'screens.retakeText':
    "It's been a while since you looked at how you're doing. Take a few minutes?",
  'screens.retakeFirstText':
    'A few short questions on mood and worry can help you notice how you are doing, and see it change over time. Take a few minutes?',
  'screens.retakeAction': 'Take a few minutes',
  'screens.retakeDismissed': 'All right. The questions are in My space whenever you want them.',
  'screens.mySpaceTitle': 'See how things change',
  'screens.mySpaceLink': "How you're doing: mood and worry over time",
  'screens.trends.link': 'How your feelings have changed',
  'screens.trends.title': 'How your feelings have changed',
  'screens.trends.lede':
    'How strongly you felt each feeling you named in your check-ins, over {period}.',
  'screens.trends.showLegend': 'Feelings to show',
  'screens.trends.chartTitle': 'Your feelings over {period}',
  'screens.trends.description':
    'How strongly you felt each feeling, from 0 to 10, in {checkins} over {period}.',
  'screens.trends.checkins': { one: '{count} check-in', other: '{count} check-ins' },
  'screens.trends.lastDays': { one: 'the last day', other: 'the last {count} days' },
  'screens.trends.yLabel': 'Intensity (0–10)',
  'screens.trends.tableCaption': 'Feelings by check-in, over {period}',
  'screens.trends.empty':
    'There are no check-ins from {period} yet. When you write some, you will see here how your feelings change.',
  'screens.trends.noneChosen': 'Choose at least one feeling above to see it here.',
  'screens.trends.truncated':
    'You wrote a lot of check-ins in this time, so the chart shows the newest 1,000.',
  'screens.trends.private':
    'Only your own check-ins are here, never what someone shared with you. Only you can see this page.',
  'screens.trends.back': 'Back to My space',
  'statement.start': 'Write an accountability statement',
  'statement.emptyText':
    'An accountability statement is a way to take responsibility in your own words: what you did, how you understand its impact, your remorse, and what you will do now. You write it privately and send it when you are ready.',
  'statement.threadMine': 'Your accountability statement',
  'statement.threadTheirs': '{name}’s accountability statement',
  'statement.titleMine': 'Your statement, version {version}',
  'statement.title': '{name}’s statement, version {version}',
  'statement.editorTitle': 'Your accountability statement',
  'statement.editorLede':
    'Four parts, in your own words and at your own pace. Your draft is saved as you go, and only you can see it until you send it to {name}.',
  'statement.part.did': 'What I did',
  'statement.part.impact': 'The impact, as I understand it',
  'statement.part.remorse': 'My remorse',
  'statement.part.next': 'What I will do now',
  'statement.hint.did':
    'Say plainly what happened and what your part in it was. Naming it clearly, without softening or explaining, is a kind of respect.',
  'statement.hint.impact':
    'How do you think this has affected {name}: their feelings, their days, their sense of safety? It is fine not to know everything yet.',
  'statement.hint.remorse':
    'What do you feel when you think of what you did and what it did to {name}? Speak for yourself, without asking for anything back.',
  'statement.hint.next':
    'What will you do, concretely, from here? Small, honest steps you can keep mean more than large promises.',
  'statement.partTooLong':
    'This part is longer than {max} characters. Your text is all still here.',
  'statement.incomplete':
    'You can send it once each of the four parts has a few words. Until then it stays a private draft.',
  'statement.send': 'Send my statement',
  'statement.sendConfirm':
    '{name} will be able to read this version of your statement and answer when they are ready. Once sent, it stays as it is: you can write a new version later, but not change this one.',
  'statement.status.sentMine':
    'Sent to {name}. They can answer whenever they are ready, or not at all for now.',
  'statement.status.arrived':
    '{name} sent you their statement. Read it when you are ready; there is no hurry to answer.',
  'statement.status.helpsMine': 'You said this statement helps.',
  'statement.status.helpsTheirs': '{name} said your statement helps.',
  'statement.status.needMoreMine':
    'You said you need more. That is an honest answer: it shows {name} where to look again.',
  'statement.status.needMoreTheirs':
    '{name} said they need more. That is part of this work, not a failure. When you are ready, you can write a new version.',
  'statement.status.notNowMine':
    'You said “Not now”. That is yours to say; you can come back to it whenever you like.',
  'statement.status.notNowTheirs':
    '{name} said “Not now”. Giving them room is part of this work. Your statement is kept, and you can write a new version whenever you are ready.',
  'statement.answerIntro':
    'How does this statement land for you? Each answer is a good answer. “I need more” tells {name} where to look again, and “Not now” is fine too. There is no hurry.',
  'statement.answerNoteHint':
    'For example, what helped, what still feels missing, or what you need before you can answer.',
  'letters.answer.helps': 'It helps',
  'letters.answer.need_more': 'I need more',
  'letters.answer.not_now': 'Not now',
  'program.title': 'Your journey',
  'program.togetherTitle': 'The seven steps',
  'program.lede':
    'Seven steps, taken at your own pace. Each step is done when you are ready to move on, and you can come back to any of them. This complements any work you do with a therapist.',
  'program.link': 'Your journey through the seven steps',
  'program.whereTitle': 'Where you are',
  'program.current': 'You are on step {order}: {title}.',
  'program.currentRevisit':
    'You are looking again at step {order}: {title}. Everything you did there is kept.',
  'program.allDone':
    'You have both moved through all seven steps. You can come back to any of them whenever it helps.',
  'program.allDoneSolo':
    'You have moved through all seven steps. You can come back to any of them whenever it helps.',
  'program.openStep': 'Open step {order}: {title}',
  'program.waitingTitle': 'When you’re ready',
  'program.waitingMine': 'Your readiness on step {order}: {title}',
  'program.waitingPartner':
    '{name} has not said yet whether they are ready to move on from step {order}. There is no hurry.',
  'program.waitingNone': 'Nothing is waiting for you right now.',
  'program.sharedTitle': 'What {name} has shared',
  'program.sharedText':
    'Nothing yet. Anything {name} chooses to share with you will appear in these places.',
  'program.fromStatement': '{name} has shared an accountability statement with you',
  'program.fromAgreement': '{name} has proposed an agreement for you to look at',
  'program.fromEntries': '{name} has logged follow-through for you to look at, when you are ready',
  'program.fromCheckins': '{name} has shared check-ins with you',
  'program.sharedLetters': 'Letters',
  'program.sharedCheckins': 'Check-ins',
  'program.stepsTitle': 'The seven steps',
  'program.stepLink': 'Step {order}: {title}',
  'program.status.not_started': 'Not started',
  'program.status.in_progress': 'In progress',
  'program.status.done': 'Done',
  'program.statusLabel': 'Status: {status}',
  'program.back': 'Back to your journey',
  'program.stepHeading': 'Step {order}: {title}',
  'program.whyTitle': 'Why this step',
  'program.forYouTitle': 'For you',
  'program.role.hurt': 'If you were hurt',
  'program.role.broke_trust': 'If you broke trust',
  'program.role.both': 'If it is both',
  'program.exercisesTitle': 'Exercises',
  'program.exerciseAway':
    'This one happens away from the screen, as the step describes above. Mark it when you have worked on it.',
  'program.exerciseMark': 'Mark “{title}” as worked on',
  'program.exerciseWorkedOn': 'You have worked on this.',
  'program.exerciseMarked': 'Noted. Only you see this.',
  'program.exerciseUnmark': 'Take back the mark on “{title}”',
  'program.exerciseUnmarked': 'Taken back.',
  'program.readyTitle': 'Ready to move on?',
  'program.readyIntro':
    'There is no right time. Take the question below with you, and answer it when you are ready.',
  'program.readyMine': 'You have said you are ready to move on from this step.',
  'program.readyNotMine': 'You have not said yet whether you are ready to move on.',
  'program.readyPartner': '{name} has said they are ready to move on.',
  'program.readyPartnerNot': '{name} has not said yet.',
  'program.readyButton': 'I’m ready to move on',
  'program.notReadyButton': 'Not yet after all',
  'program.markedReady': 'Saved: you are ready to move on from this step.',
  'program.markedNotReady': 'Saved: you are not ready to move on yet. That is fine.',
  'program.revisitTitle': 'Come back to this step',
  'program.revisitText':
    'Opening a step again keeps everything you both did there. It becomes where you are until one of you marks it ready again.',
  'program.revisitButton': 'Revisit this step',
  'program.revisited': 'This step is where you are now.',
  'program.notFound': 'We could not find that step.',
  'program.safetyFirst': 'Take the private safety check',
  // Agreements (step 2): made together, every version kept.
  'agreements.title': 'Agreements',
  'agreements.lede':
    'Agreements you make together, in your own words. Either of you can propose one, and the other can accept it, decline it or suggest a change. Every version is kept.',
  'agreements.therapy':
    'Agreements work best alongside conversations with a therapist, who can help when one feels hard to talk about.',
  'agreements.noJourney': 'Agreements belong to a journey. Start yours first.',
  'agreements.empty': 'No agreements yet. You could start from one of the suggestions below.',
  'agreements.category.transparency': 'Openness',
  'agreements.category.boundaries': 'Boundaries',
  'agreements.category.contact_rules': 'Contact',
  'agreements.category.routines': 'Routines',
  'agreements.category.other': 'Other',
  'agreements.agreementHeading': 'Agreement, version {version}',
  'agreements.current': 'Current version (version {version})',
  'agreements.inForce': 'You have both agreed to version {version}.',
  'agreements.turn.me': 'When you are ready, this is yours to answer. Take the time you need.',
  'agreements.turn.partner': 'Sent to {name}. They can answer when they are ready.',
  'agreements.turn.none': 'Nothing is waiting for an answer.',
  'agreements.status.proposed': 'Proposed',
  'agreements.status.accepted': 'Agreed',
  'agreements.status.declined': 'Not agreed',
  'agreements.status.superseded': 'Replaced by a later version',
  'agreements.proposedBy': 'Proposed by {name}',
  'agreements.proposedByMe': 'Proposed by you',
  'agreements.accept': 'Accept',
  'agreements.decline': 'Decline',
  'agreements.suggestChange': 'Suggest a change',
  'agreements.revisit': 'Revisit this agreement',
  'agreements.changeLabel': 'Your version of the agreement',
  'agreements.changeHint':
    'Change the words as you would like them. Your partner sees what changed.',
  'agreements.sendChange': 'Send my version',
  'agreements.cancel': 'Cancel',
  'agreements.accepted': 'Saved: you have agreed to this.',
  'agreements.declined': 'Saved: you have not agreed to this version. That is an answer too.',
  'agreements.changeSent': 'Your version was sent.',
  'agreements.proposed': 'Your proposal was sent.',
  'agreements.history': 'History of this agreement',
  'agreements.historyVersion': 'Version {version}: {status}',
  'agreements.added': 'added:',
  'agreements.removed': 'removed:',
  'agreements.proposeTitle': 'Propose an agreement',
  'agreements.suggestionsTitle': 'Suggestions to start from',
  'agreements.suggestionsHint':
    'Choosing one puts its words in the form below, where you can change them.',
  'agreements.useSuggestion': 'Use this suggestion',
  'agreements.textLabel': 'The agreement',
  'agreements.textHint': 'Plain words you could both live with. Up to {max} characters.',
  'agreements.categoryLabel': 'Kind of agreement',
  'agreements.propose': 'Propose to my partner',
  'agreements.commit': 'Commit to this',
  'agreements.rhythmLabel': 'How often you will log it',
  'agreements.committed': 'Saved: you have committed to this agreement.',
  // Commitments (step 3): follow-through, confirmed by the partner.
  'commitments.title': 'Commitments',
  'commitments.lede':
    'Commitments you have made to your agreements, and your partner’s. Log what you did; your partner confirms it or raises a question. There are no deadlines and no streaks.',
  'commitments.therapy':
    'If a question about an entry is hard to talk through, a therapist can help you both.',
  'commitments.noJourney': 'Commitments belong to a journey. Start yours first.',
  'commitments.mineTitle': 'My commitments',
  'commitments.partnerTitle': '{name}’s commitments',
  'commitments.mineEmpty':
    'Commitments you make will show here. You can commit to any agreement you have both accepted.',
  'commitments.partnerEmpty': 'Commitments {name} makes will show here.',
  'commitments.toAgreements': 'Go to agreements',
  'commitments.rhythm.daily': 'Daily',
  'commitments.rhythm.weekly': 'Weekly',
  'commitments.rhythm.as_it_happens': 'As it happens',
  'commitments.rhythmLine': 'Rhythm: {rhythm}',
  'commitments.ended': 'Ended {when}. Its history is kept.',
  'commitments.logToday': 'I did this today',
  'commitments.logged': 'Logged. {name} can confirm it when they look.',
  'commitments.end': 'End this commitment',
  'commitments.endedDone': 'Saved: this commitment has ended.',
  'commitments.entriesTitle': 'Entries',
  'commitments.entry': 'Logged {when}',
  'commitments.earlierEntries': 'Show earlier entries',
  'commitments.status.pending': 'Waiting for a look',
  'commitments.status.confirmed': 'Confirmed',
  'commitments.status.disputed': 'A question was raised',
  'commitments.status.resolved': 'Talked through and confirmed',
  'commitments.noteFrom': 'Note: {note}',
  'commitments.confirm': 'Confirm',
  'commitments.dispute': 'Raise a question',
  'commitments.resolve': 'We talked it through',
  'commitments.disputeNoteLabel': 'A note about this entry (optional)',
  'commitments.sendDispute': 'Send the question',
  'commitments.answered': 'Saved: your answer was sent.',
  'commitments.reliabilityMine': 'How reliably you are keeping this, as {name} sees it',
  'commitments.reliabilityTheirs': 'How reliably {name} is keeping this, as you see it',
  'commitments.overallTitle': 'Overall follow-through',
  'commitments.overallMine': 'Mine',
  'commitments.overallPartner': '{name}’s',
  'commitments.seriesLabel': 'Estimate',
  'commitments.rangeLabel': 'Likely range (80% sure)',
  'commitments.yLabel': 'Likely kept (0–100%)',
  'commitments.estimate':
    'About {mean} now, likely between {lower} and {upper}. The range narrows as more entries are answered.',
  'commitments.noEstimate': 'No answered entries yet, so there is nothing to estimate.',
  'commitments.trendUnavailable': 'The week-by-week chart could not be loaded just now.',
  'commitments.tableCaption': 'Estimate by date',
  // Caseload: the therapist's side (caseload, alerts, summary, report, suggestions).
  'nav.caseload': 'Caseload',
  'caseload.title': 'Your caseload',
  'caseload.lede':
    'The people linked with you, and what each has chosen to share. Alerts come first.',
  'caseload.empty':
    'No one is linked with you yet. When a client links with you and you accept, they appear here.',
  'caseload.couple': 'Couple',
  'caseload.individual': 'Individual',
  'caseload.linkedSince': 'Linked since {date}',
  'caseload.shares': 'Shares: {categories}',
  'caseload.sharesNothing': 'Has not chosen to share anything yet.',
  'caseload.unseenAlerts': {
    one: '{count} alert not yet seen',
    other: '{count} alerts not yet seen',
  },
  'caseload.open': 'Summary for {name}',
  'caseload.alertsTitle': 'Alerts',
  'caseload.alertsNone': 'No alerts.',
  'caseload.alert.crisis_item9':
    '{name} answered the last PHQ-9 question (thoughts of being better off dead or of self-harm) above “not at all”.',
  'caseload.alert.crisis_safety': '{name} answered “yes” to a question of the safety check.',
  'caseload.alert.deterioration': '{name}’s latest screen shows a reliable worsening.',
  'caseload.alertOn': 'On {date}.',
  'caseload.alertSeenOn': 'Seen on {date}.',
  'caseload.markSeen': 'Mark as seen',
  'caseload.markSeenDone': 'Marked as seen.',
  'caseload.category.checkins': 'check-ins',
  'caseload.category.screens': 'screens (PHQ-9, GAD-7)',
  'caseload.category.letters': 'letters and statements',
  'caseload.category.agreements': 'agreements and commitments',
  'caseload.category.program': 'program progress',
  'caseload.category.safety': 'safety check',
  'caseload.change.reliable_improvement': 'reliable improvement',
  'caseload.change.reliable_deterioration': 'reliable worsening',
  'caseload.change.no_reliable_change': 'no reliable change',
  'caseload.change.none': 'no earlier result',
  'caseload.rhythm.daily': 'daily',
  'caseload.rhythm.weekly': 'weekly',
  'caseload.rhythm.as_it_happens': 'as it happens',
  'caseload.letterKind.impact': 'Impact letter',
  'caseload.letterKind.reflection': 'Reflection',
  'caseload.letterKind.statement': 'Statement',
  'caseload.safety.notTaken': 'The safety check has not been taken.',
  'caseload.safety.yes': 'Safety check on {date}: at least one “yes” answer.',
  'caseload.safety.no': 'Safety check on {date}: all answers “no”.',
  'caseload.summary.title': 'Between sessions',
  'caseload.summary.sinceLabel': 'Since (for example, your last session)',
  'caseload.summary.show': 'Show',
  'caseload.summary.period': 'From {from} to {to}.',
  'caseload.summary.notShared': 'Not shared with you: {categories}.',
  'caseload.summary.allShared': 'Shares every category with you.',
  'caseload.summary.checkinsNone': 'No check-ins in this period.',
  'caseload.summary.checkinsWords': {
    one: '{count} check-in in this period. Named most often: {top}.',
    other: '{count} check-ins in this period. Named most often: {top}.',
  },
  'caseload.summary.feelingWords': '{feeling} ({times}×, average {average} of 10)',
  'caseload.summary.chartTitle': 'Average intensity of each feeling, week by week',
  'caseload.summary.chartX': 'Week starting',
  'caseload.summary.chartY': 'Average intensity (0–10)',
  'caseload.summary.screensNone': 'No screens in this period.',
  'caseload.summary.screenWords':
    '{instrument} on {date}: {total} of {max} ({band}); against the result before: {previous}.',
  'caseload.summary.commitmentsNone': 'No commitments running.',
  'caseload.summary.commitmentWords':
    '{category}, {rhythm}: about {mean} kept (likely {lower}–{upper}); {kept} kept, {missed} missed.',
  'caseload.summary.exercisesNone': 'No exercises worked on in this period.',
  'caseload.summary.lettersNone': 'No letters shared in this period.',
  'caseload.summary.together': 'What they did together',
  'caseload.summary.stepsNone': 'No steps completed or revisited in this period.',
  'caseload.summary.agreementsNone': 'No agreements changed in this period.',
  'caseload.summary.report': 'Download the report (PDF)',
  'caseload.summary.back': 'Back to your caseload',
  'caseload.suggest.title': 'Suggest something',
  'caseload.suggest.what': 'What to suggest',
  'caseload.suggest.kind.step': 'Step',
  'caseload.suggest.kind.exercise': 'Exercise',
  'caseload.suggest.kind.tool': 'Tool',
  'caseload.suggest.note': 'A short note',
  'caseload.suggest.couple': 'Suggest it to both partners',
  'caseload.suggest.send': 'Send the suggestion',
  'caseload.suggest.sent': 'Sent. It appears as a gentle suggestion, with no deadline.',
  'caseload.report.title': 'Client report',
  'caseload.report.practice': 'Practice: {practice}',
  'caseload.report.therapist': 'Therapist: {therapist}',
  'caseload.report.clients': 'Client: {names}',
  'caseload.report.period': 'Period: {from} to {to}',
  'caseload.report.screens': 'Screens',
  'caseload.report.screenLine':
    '{instrument} on {date}: {total} of {max} ({band}). Since the previous result: {previous}. Since the first: {first}.',
  'caseload.report.checkins': 'Check-ins',
  'caseload.report.checkinCount': { one: '{count} check-in.', other: '{count} check-ins.' },
  'caseload.report.feelingLine': {
    one: '{feeling}: named once, average intensity {average} of 10.',
    other: '{feeling}: named {count} times, average intensity {average} of 10.',
  },
  'caseload.report.commitments': 'Commitments',
  'caseload.report.commitmentLine':
    '{category}, {rhythm}: about {mean} kept (likely {lower} to {upper}); {kept} kept, {missed} missed.',
  'caseload.report.exercises': 'Exercises worked on',
  'caseload.report.letters': 'Letters and statements shared',
  'caseload.report.letterLine': '{kind}, shared on {date}.',
  'caseload.report.safety': 'Safety check',
  'caseload.report.nothing': 'Nothing in this period.',
  'caseload.report.notShared': 'Not shared with the therapist: {categories}.',
  'caseload.report.allShared': 'Every category is shared with the therapist.',
  'caseload.report.together': 'Together',
  'caseload.report.steps': 'Program steps',
  'caseload.report.stepDone': '{step}: completed on {date}.',
  'caseload.report.stepRevisited': '{step}: revisited on {date}.',
  'caseload.report.agreements': 'Agreements',
  'caseload.report.agreementLine': '{category}: {status} on {date}.',
  'caseload.report.jointNotShared': 'Not shared by both partners: {categories}.',
  'caseload.report.generated': 'Generated on {date} (UTC).',
  'suggestions.title': 'Suggestions from your therapist',
  'suggestions.lede':
    'Ideas your therapist thought might help. There is no deadline; take what fits.',
  'suggestions.from': 'From {name}, {date}',
  'suggestions.open': 'Open {title}',
  'suggestions.setAside': 'Set aside',
  'suggestions.setAsideDone': 'Set aside. You can always ask your therapist about it.',
} as const;
