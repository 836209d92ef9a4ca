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

  'nav.label': 'Your space',
  'nav.today': 'Today',
  'nav.mySpace': 'My space',
  'nav.together': 'Together',
  'nav.settings': 'Settings',

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
} as const;
