import type { SignUpBody } from '../../../shared/api/auth.js';
import { PASSWORD_MIN } from '../../../core/accounts/password-policy.js';
import { t } from '../../../shared/i18n/messages.js';
import { TextField } from '../../components/form.js';

export const emptyAccount: SignUpBody = { displayName: '', email: '', password: '' };

export const accountFieldIds = (prefix: string) => ({
  displayName: `${prefix}-name`,
  email: `${prefix}-email`,
  password: `${prefix}-password`,
});

/** Name, email and a new password: the same three questions for a person and for the administrator. */
export function AccountFields({
  prefix,
  values,
  errors,
  onChange,
  nameHint,
}: {
  prefix: string;
  values: SignUpBody;
  errors: Record<string, string>;
  onChange: (values: SignUpBody) => void;
  nameHint: string;
}) {
  const ids = accountFieldIds(prefix);
  return (
    <>
      <TextField
        id={ids.displayName}
        label={t('account.name')}
        hint={nameHint}
        error={errors.displayName}
        type="text"
        name="displayName"
        autoComplete="nickname"
        dir="auto"
        required
        value={values.displayName}
        onChange={(e) => onChange({ ...values, displayName: e.target.value })}
      />
      <TextField
        id={ids.email}
        label={t('account.email')}
        hint={t('account.emailHint')}
        error={errors.email}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        value={values.email}
        onChange={(e) => onChange({ ...values, email: e.target.value })}
      />
      <TextField
        id={ids.password}
        label={t('account.password')}
        hint={t('account.newPasswordHint', { min: PASSWORD_MIN })}
        error={errors.password}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(e) => onChange({ ...values, password: e.target.value })}
      />
    </>
  );
}
