/**
 * Passwords of 8+ characters that appear at the top of every public breach list, lower-cased.
 * A short list on purpose: it stops the guesses attackers try first without a large download.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000',
  '88888888', '99999999', '12341234', '11223344', '123123123', '123321123', '147258369',
  '159753123', '987654321', '0987654321', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'q1w2e3r4',
  'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty1234', 'qwerty12', 'asdfghjk', 'asdfghjkl',
  'zxcvbnm1', 'zxcvbnm123', 'password', 'password1', 'password12', 'password123', 'password!',
  'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa55word', 'passpass', 'password1!', 'iloveyou',
  'iloveyou1', 'iloveyou2', 'loveyou1', 'sunshine', 'sunshine1', 'princess', 'princess1',
  'football', 'football1', 'baseball', 'basketball', 'superman', 'batman123', 'starwars',
  'trustno1', 'whatever', 'welcome1', 'welcome123', 'letmein1', 'letmein123', 'changeme',
  'changeme1', 'abcd1234', 'abc12345', 'abcdefgh', 'aa123456', 'a1234567', 'a12345678',
  'qazwsxedc', 'q1w2e3r4t5', 'monkey123', 'dragon123', 'master123', 'shadow123', 'michael1',
  'jennifer', 'jordan23', 'computer', 'internet', 'mercedes', 'chocolate', 'butterfly',
  'samantha', 'liverpool', 'chelsea1', 'arsenal1', 'december', 'november', 'september',
  'babygirl', 'lovely123', 'forever1', 'family123', 'freedom1', 'blink182', 'pokemon1',
  'minecraft', 'fuckyou1', 'asdf1234', 'zaq12wsx', 'test1234', 'testtest', 'admin123',
  'administrator', 'root1234', 'secret123', 'letmein!', 'hello123', 'helloworld', 'goodluck',
  'summer2024', 'summer2025', 'summer2026', 'winter2025', 'spring2026', 'autumn2026',
  'steadfast', 'steadfast1', 'steadfast123', 'trustme1', 'forgiveme', 'imsorry1', 'sorry123',
]);
