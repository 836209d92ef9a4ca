/**
 * Every string a person reads, in English. Keys are grouped by where they appear.
 * Voice: plain, warm, second person, never blaming (see DESIGN.md).
 */
export const en = {
  'app.name': 'Steadfast',
  'app.tagline': 'Rebuilding trust, at your own pace',
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
  'chrome.footerPrivacy': 'Private by default: nothing you write is seen by anyone until you share it.',

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
  'help.verified': 'These numbers were checked on {date}. If one does not work, call your local emergency number.',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is nothing at this address. It may have moved.',
  'notFound.home': 'Go to the home page',

  'docs.title': 'Steadfast API',
  'docs.intro': 'Every endpoint, generated from the same schemas the server validates with.',
  'docs.json': 'OpenAPI document (JSON)',
  'docs.access': 'Who may call it: {policy}',
} as const;
