// A real OpenID Connect provider on 127.0.0.1 for the e2e tests of single sign-on (issue 17):
// the npm package oidc-provider with its development login pages (type any of the accounts
// below as the login, any password). Started by playwright.config.ts before the app.
//
//   node tests/support/oidc-provider.mjs <port> <app origin>
//
// Accounts: karin (the demo's kommundirektör), okand (nobody in Målbild), ny (a new person in
// the group malbild-lasare), utan (a new person in no group), overifierad (an email the provider has not verified).
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 4210);
const app = process.argv[3] ?? 'http://127.0.0.1:3210';
const issuer = `http://127.0.0.1:${port}`;

// The client Målbild is registered as: the same values as the app's MALBILD_OIDC_CLIENT_ID and _SECRET.
const CLIENT_ID = process.env.MALBILD_OIDC_CLIENT_ID ?? 'malbild-e2e';
const CLIENT_SECRET = process.env.MALBILD_OIDC_CLIENT_SECRET ?? 'malbild-e2e-hemlighet';

const ACCOUNTS = {
  karin: { email: 'kommundirektor@askersund.example', email_verified: true, name: 'Karin Kommundirektör' },
  okand: { email: 'okand.person@askersund.example', email_verified: true, name: 'Okänd Person' },
  ny: { email: 'ny.person@askersund.example', email_verified: true, name: 'Nina Nyanställd', groups: ['malbild-lasare'] },
  utan: { email: 'utan.grupp@askersund.example', email_verified: true, name: 'Ulf Utangrupp' },
  overifierad: { email: 'hr-chef@askersund.example', email_verified: false, name: 'Helena HR-chef' },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${app}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${app}/logga-in`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  // Email and name in the ID token itself (Auth.js reads the ID token's claims).
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // No consent page: the kommun's own provider has consented for its own application.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer} for ${app}`);
});
