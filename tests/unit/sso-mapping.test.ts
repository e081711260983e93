// Single sign-on: from the provider's claims to a person, to a Målbild user, and from their
// groups to grants (issue 17).
import { describe, expect, it } from 'vitest';
import { decideSsoLogin, grantChanges, grantsForGroups, identityFromClaims, type GroupMapping, type SsoCandidate } from '@/lib/sso-mapping';
import { ssoConfigFrom } from '@/lib/sso-config';
import { ssoProblemMessage } from '@/lib/sso-messages';

const ISSUER = 'http://127.0.0.1:4100';
const byEmail = { issuer: ISSUER, matchClaim: 'email', groupsClaim: 'groups' };

describe('identityFromClaims', () => {
  it('takes a verified email (lower-cased), the name and the groups', () => {
    const result = identityFromClaims(
      { sub: 'abc', email: 'Karin.K@Askersund.example', email_verified: true, name: 'Karin K', groups: ['malbild-lasare', 'x'] },
      byEmail,
    );
    expect(result).toEqual({
      ok: true,
      identity: { issuer: ISSUER, subject: 'abc', email: 'karin.k@askersund.example', name: 'Karin K', groups: ['malbild-lasare', 'x'] },
    });
  });

  it('refuses an email the provider has not verified, or none at all, or no subject', () => {
    expect(identityFromClaims({ sub: 'abc', email: 'a@b.se' }, byEmail)).toEqual({ ok: false, problem: 'email_unverified' });
    expect(identityFromClaims({ sub: 'abc', email: 'a@b.se', email_verified: false }, byEmail)).toEqual({ ok: false, problem: 'email_unverified' });
    expect(identityFromClaims({ sub: 'abc', email_verified: true }, byEmail)).toEqual({ ok: false, problem: 'no_match_value' });
    expect(identityFromClaims({ email: 'a@b.se', email_verified: true }, byEmail)).toEqual({ ok: false, problem: 'no_subject' });
  });

  it('trusts a configured claim (Entra ID: preferred_username) without email_verified', () => {
    const result = identityFromClaims(
      { sub: 's', preferred_username: 'Helena@Askersund.se', given_name: 'Helena', family_name: 'H' },
      { ...byEmail, matchClaim: 'preferred_username' },
    );
    expect(result.ok && result.identity).toMatchObject({ email: 'helena@askersund.se', name: 'Helena H', groups: null });
    // A claim that is no address cannot match anyone's email.
    expect(identityFromClaims({ sub: 's', oid: '1234' }, { ...byEmail, matchClaim: 'oid' })).toEqual({ ok: false, problem: 'no_match_value' });
  });

  it('reads one group sent as a string, and no claim as "no groups sent" (null), not as none', () => {
    const one = identityFromClaims({ sub: 's', email: 'a@b.se', email_verified: 'true', grp: 'g1' }, { ...byEmail, groupsClaim: 'grp' });
    expect(one.ok && one.identity.groups).toEqual(['g1']);
    const none = identityFromClaims({ sub: 's', email: 'a@b.se', email_verified: true }, byEmail);
    expect(none.ok && none.identity.groups).toBeNull();
    const empty = identityFromClaims({ sub: 's', email: 'a@b.se', email_verified: true, groups: [] }, byEmail);
    expect(empty.ok && empty.identity.groups).toEqual([]);
  });
});

describe('decideSsoLogin', () => {
  const identity = { issuer: ISSUER, subject: 'sub-1' };
  const user = (over: Partial<SsoCandidate> = {}): SsoCandidate => ({ id: 'u1', disabled: false, externalIssuer: null, externalSubject: null, ...over });

  it('logs in the user linked to the identity, and links a user found by email on the first login', () => {
    expect(decideSsoLogin(identity, user({ externalIssuer: ISSUER, externalSubject: 'sub-1' }), null, 'refuse')).toEqual({ kind: 'login', userId: 'u1', link: false });
    expect(decideSsoLogin(identity, null, user(), 'refuse')).toEqual({ kind: 'login', userId: 'u1', link: true });
  });

  it('refuses a disabled user, linked or found by email, whatever the provider says', () => {
    expect(decideSsoLogin(identity, user({ disabled: true, externalIssuer: ISSUER, externalSubject: 'sub-1' }), null, 'create')).toEqual({
      kind: 'refuse',
      reason: 'disabled',
      userId: 'u1',
    });
    expect(decideSsoLogin(identity, null, user({ disabled: true }), 'create')).toMatchObject({ kind: 'refuse', reason: 'disabled' });
  });

  it('refuses an email whose user is linked to another identity (the address was given to someone else)', () => {
    expect(decideSsoLogin(identity, null, user({ externalIssuer: ISSUER, externalSubject: 'sub-2' }), 'create')).toEqual({
      kind: 'refuse',
      reason: 'linked_to_other',
      userId: 'u1',
    });
    expect(decideSsoLogin(identity, null, user({ externalIssuer: 'https://other', externalSubject: 'sub-1' }), 'create')).toMatchObject({
      reason: 'linked_to_other',
    });
  });

  it('an unknown person is refused or created, as the organization decided', () => {
    expect(decideSsoLogin(identity, null, null, 'refuse')).toEqual({ kind: 'refuse', reason: 'unknown', userId: null });
    expect(decideSsoLogin(identity, null, null, 'create')).toEqual({ kind: 'create' });
  });
});

describe('groups to grants', () => {
  const mappings: GroupMapping[] = [
    { groupName: 'malbild-lasare', role: 'viewer', unitId: null },
    { groupName: 'hr-chefer', role: 'editor', unitId: 'hr' },
    { groupName: 'hr-chefer', role: 'viewer', unitId: null },
    { groupName: 'ledning', role: 'director', unitId: null },
  ];

  it('gives each grant once, for the groups the person is in (names match exactly)', () => {
    expect(grantsForGroups(['hr-chefer', 'malbild-lasare', 'Ledning'], mappings)).toEqual([
      { role: 'viewer', unitId: null },
      { role: 'editor', unitId: 'hr' },
    ]);
    expect(grantsForGroups([], mappings)).toEqual([]);
  });

  it('makes the grants exactly what the groups give, keeping those that stay', () => {
    const current = [
      { id: 'g1', role: 'viewer' as const, unitId: null },
      { id: 'g2', role: 'admin' as const, unitId: null },
    ];
    expect(grantChanges(current, ['hr-chefer'], mappings)).toEqual({
      add: [{ role: 'editor', unitId: 'hr' }],
      remove: [{ id: 'g2', role: 'admin', unitId: null }],
    });
    // No groups the table knows: every grant goes.
    expect(grantChanges(current, ['okänd'], mappings).remove).toHaveLength(2);
  });

  it('changes nothing without a table or without the groups claim', () => {
    const current = [{ id: 'g1', role: 'admin' as const, unitId: null }];
    expect(grantChanges(current, ['ledning'], [])).toEqual({ add: [], remove: [] });
    expect(grantChanges(current, null, mappings)).toEqual({ add: [], remove: [] });
  });
});

describe('configuration and messages', () => {
  it('is off unless issuer, client id and secret are all set; defaults for the rest', () => {
    expect(ssoConfigFrom({})).toBeNull();
    expect(ssoConfigFrom({ MALBILD_OIDC_ISSUER: ISSUER, MALBILD_OIDC_CLIENT_ID: 'malbild' })).toBeNull();
    expect(ssoConfigFrom({ MALBILD_OIDC_ISSUER: `${ISSUER}/`, MALBILD_OIDC_CLIENT_ID: 'malbild', MALBILD_OIDC_CLIENT_SECRET: 's' })).toEqual({
      issuer: ISSUER,
      clientId: 'malbild',
      clientSecret: 's',
      displayName: 'kommunens konto',
      organizationCode: null,
      matchClaim: 'email',
      groupsClaim: 'groups',
    });
  });

  it('says in Swedish why a login was refused, and something general for anything else', () => {
    expect(ssoProblemMessage('unknown', 'Askersunds konto')).toMatch(/^Du är inte upplagd som användare i Målbild/);
    expect(ssoProblemMessage('disabled', 'Askersunds konto')).toMatch(/inaktiverat/);
    expect(ssoProblemMessage('OAuthCallbackError', 'Askersunds konto')).toBe('Inloggningen med Askersunds konto misslyckades. Försök igen om en stund.');
    expect(ssoProblemMessage('__proto__', 'X')).toBe('Inloggningen med X misslyckades. Försök igen om en stund.');
    expect(ssoProblemMessage(undefined, 'X')).toBeNull();
  });
});
