/**
 * The steps a user must take in Salesforce after an auth migration. The codemod only rewrites
 * the file; the app, its credentials and its permissions have to exist before `orgcfg verify`
 * can log in.
 */
import type { TargetAuthMethod } from './types.js';

/** The facts about one migrated org that its checklist mentions. */
export interface AuthFollowUpInput {
  readonly org: string;
  readonly method: TargetAuthMethod;
  /** The `username` of the old block as written: a literal username or a reference. */
  readonly username?: string;
  readonly clientIdVariable: string;
  /** The client secret variable (client credentials) or the private key variable (JWT). */
  readonly secretVariable: string;
  /** Variables the old block referenced, which the org no longer needs once it logs in. */
  readonly oldVariables: readonly string[];
  /** The login URL the org uses after the upgrade, and whether it is a generic login host. */
  readonly loginUrl: string;
  readonly genericLoginHost: boolean;
  readonly sandbox: boolean;
}

/** Lists the Salesforce setup steps for one org, in the order they are done. */
export function authFollowUpSteps(input: AuthFollowUpInput): string[] {
  const user = input.username ? `${input.username}` : 'the integration user';
  const steps: string[] = [];
  if (input.method === 'client-credentials') {
    steps.push(
      'In Setup > External Client App Manager, create an External Client App (or open an existing one) with OAuth enabled and the "Enable Client Credentials Flow" setting on.',
      `In the app's OAuth policies, set the run-as user for the client credentials flow to ${user}; the token acts as that user, so give it only the permissions the integration needs and API Enabled.`,
      'Give the app the OAuth scope "Manage user data via APIs (api)".',
      `Store the app's consumer key in ${input.clientIdVariable} and its consumer secret in ${input.secretVariable} (a .env file or your CI secret store).`,
    );
    if (input.genericLoginHost) {
      const shape = input.sandbox ? 'https://MYDOMAIN--SANDBOXNAME.sandbox.my.salesforce.com' : 'https://MYDOMAIN.my.salesforce.com';
      steps.push(
        `Set loginUrl of org "${input.org}" to its My Domain URL (${shape}): the client credentials flow is refused on ${input.loginUrl}.`,
      );
    }
  } else {
    steps.push(
      'Create a private key and a self-signed X.509 certificate for it, for example with: openssl req -x509 -newkey rsa:2048 -nodes -keyout server.key -out server.crt -days 365',
      'In Setup > External Client App Manager, create an External Client App (or open an existing one) with OAuth enabled, "Enable JWT Bearer Flow" on, and the certificate (server.crt) uploaded.',
      'Give the app the OAuth scope "Manage user data via APIs (api)".',
      `Pre-authorize ${user}: in the app's policies choose "Admin approved users are pre-authorized" and add a profile or permission set that the user has.`,
      `Store the app's consumer key in ${input.clientIdVariable} and the PEM text of server.key in ${input.secretVariable} (a .env file or your CI secret store).`,
    );
  }
  steps.push(`Run orgcfg verify --org ${input.org} to check the login.`);
  if (input.oldVariables.length > 0) {
    steps.push(
      `Once the login works, remove ${input.oldVariables.join(' and ')} from your secret stores and stop using the password of ${user} for this integration.`,
    );
  }
  return steps;
}
