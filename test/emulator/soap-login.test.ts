import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, parseEmulatorConfig } from '../../src/emulator/index.js';
import {
  connect,
  elementNames,
  elementText,
  LOGIN_HOST,
  MAIN_PASSWORD,
  MAIN_TOKEN,
  postSoap,
  PROD_HOST,
  soapLoginBody,
  startTestEmulator,
  TEST_CONFIG_YAML,
  TEST_HOST,
  UAT_HOST,
  type TestEmulator,
} from './helpers.js';

const ORG_ID = '00D5g000004AbCdEAK';
const ENTERPRISE = 'urn:enterprise.soap.sforce.com';

/** INVALID_LOGIN from the partner endpoint, byte for byte as Salesforce sends it. */
const INVALID_LOGIN_PARTNER =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
  '<soapenv:Fault><faultcode>INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security ' +
  'token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN' +
  '</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.' +
  '</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>';

/** The same fault from the enterprise endpoint: only the fault namespace differs. */
const INVALID_LOGIN_ENTERPRISE = INVALID_LOGIN_PARTNER.replace(
  'urn:fault.partner.soap.sforce.com',
  'urn:fault.enterprise.soap.sforce.com',
);

/** Element sequence of a real partner v42 login response with passwordExpired=true. */
const V42_RESPONSE_ELEMENTS = [
  'soapenv:Envelope', 'soapenv:Body', 'loginResponse', 'result', 'metadataServerUrl', 'passwordExpired', 'sandbox',
  'serverUrl', 'sessionId', 'userId', 'userInfo', 'accessibilityMode', 'chatterExternal', 'currencySymbol',
  'orgAttachmentFileSizeLimit', 'orgDefaultCurrencyIsoCode', 'orgDefaultCurrencyLocale', 'orgDisallowHtmlAttachments',
  'orgHasPersonAccounts', 'organizationId', 'organizationMultiCurrency', 'organizationName', 'profileId', 'roleId',
  'sessionSecondsValid', 'userDefaultCurrencyIsoCode', 'userEmail', 'userFullName', 'userId', 'userLanguage',
  'userLocale', 'userName', 'userTimeZone', 'userType', 'userUiSkin',
];

let test: TestEmulator;
let prodUrl: string;

beforeAll(async () => {
  test = await startTestEmulator();
  prodUrl = test.url(PROD_HOST);
});

afterAll(async () => {
  await test.emulator.close();
});

function soapUrl(host: string, version = '64.0', letter = 'u'): string {
  return `${test.url(host)}/services/Soap/${letter}/${version}`;
}

/** Returns the message of the error that `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the promise resolved');
}

describe('SOAP login success', () => {
  it('logs in through jsforce on My Domain', async () => {
    const conn = connect({ loginUrl: prodUrl });
    const userInfo = await conn.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
    expect(userInfo.organizationId).toBe(ORG_ID);
    expect(userInfo.id).toMatch(/^005\w{15}$/);
    expect(conn.instanceUrl).toBe(prodUrl);
    expect(conn.accessToken).toMatch(/^00D5g000004AbCd!/);
  });

  it('logs in a production user on the generic host', async () => {
    const conn = connect({ loginUrl: test.url(LOGIN_HOST) });
    await conn.login('MAIN@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
    expect(conn.instanceUrl).toBe(prodUrl);
  });

  it('logs in a sandbox user on the sandbox host', async () => {
    const conn = connect({ loginUrl: test.url(TEST_HOST) });
    await conn.login('main@prod.example.uat', 'uat-passwordUatToken');
    expect(conn.instanceUrl).toBe(test.url(UAT_HOST));
  });

  it('sends the wire format of Salesforce', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/xml;charset=UTF-8');
    expect(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope ')).toBe(true);
    expect(response.text).toContain(
      'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    );
    expect(response.text).not.toContain('\n');
    expect(response.text.endsWith('</soapenv:Envelope>')).toBe(true);
  });

  it('returns My Domain URLs and ids', async () => {
    const { text } = await postSoap(soapUrl(LOGIN_HOST), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    expect(elementText(text, 'serverUrl')).toBe(`${prodUrl}/services/Soap/u/64.0/00D5g000004AbCd`);
    expect(elementText(text, 'metadataServerUrl')).toBe(`${prodUrl}/services/Soap/m/64.0/00D5g000004AbCd`);
    expect(elementText(text, 'sessionId')).toMatch(/^00D5g000004AbCd![A-Za-z0-9._]{96}$/);
    expect(elementText(text, 'organizationId')).toBe(ORG_ID);
    expect(elementText(text, 'sandbox')).toBe('false');
    expect(elementText(text, 'passwordExpired')).toBe('false');
    expect(elementText(text, 'organizationName')).toBe('Prod &amp; Co');
    expect(elementText(text, 'userFullName')).toBe('Main User');
  });

  it('marks a sandbox login', async () => {
    const { text } = await postSoap(soapUrl(TEST_HOST), soapLoginBody('main@prod.example.uat', 'uat-passwordUatToken'));
    expect(elementText(text, 'sandbox')).toBe('true');
  });

  it('orders elements as the WSDL does from 40.0', async () => {
    const { text } = await postSoap(soapUrl(PROD_HOST, '42.0'), soapLoginBody('expired@prod.example', 'expired-passwordExpiredToken'));
    expect(elementNames(text).filter((name) => name !== 'roleId' && name !== 'userDefaultCurrencyIsoCode')).toEqual(
      V42_RESPONSE_ELEMENTS.filter((name) => name !== 'roleId' && name !== 'userDefaultCurrencyIsoCode'),
    );
    expect(text).toContain('<roleId xsi:nil="true"/>');
    expect(text).toContain('<userDefaultCurrencyIsoCode xsi:nil="true"/>');
  });

  it('leaves out the 40.0 fields before 40.0', async () => {
    const { text } = await postSoap(soapUrl(PROD_HOST, '39.0'), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    expect(text).not.toContain('chatterExternal');
    expect(text).not.toContain('orgDefaultCurrencyLocale');
    expect(text).toContain('<accessibilityMode>false</accessibilityMode><currencySymbol>');
  });

  it('answers the enterprise endpoint in its namespace', async () => {
    const { status, text } = await postSoap(
      soapUrl(PROD_HOST, '64.0', 'c'),
      soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN, ENTERPRISE),
    );
    expect(status).toBe(200);
    expect(text).toContain(`xmlns="${ENTERPRISE}"`);
    expect(elementText(text, 'serverUrl')).toBe(`${prodUrl}/services/Soap/c/64.0/00D5g000004AbCd`);
  });

  it('accepts a doubled slash in the path', async () => {
    const conn = connect({ loginUrl: `${prodUrl}/` });
    await conn.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
    expect(conn.instanceUrl).toBe(prodUrl);
  });

  it('ignores SOAP headers and other prefixes', async () => {
    const body =
      '<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">' +
      '<soapenv:Header><urn:CallOptions><urn:client>orgcfg</urn:client></urn:CallOptions>' +
      `<urn:LoginScopeHeader><urn:organizationId>${ORG_ID}</urn:organizationId></urn:LoginScopeHeader></soapenv:Header>` +
      '<soapenv:Body><urn:login><urn:username>main@prod.example</urn:username>' +
      `<urn:password><![CDATA[${MAIN_PASSWORD}]]>${MAIN_TOKEN}</urn:password></urn:login></soapenv:Body></soapenv:Envelope>`;
    const response = await postSoap(soapUrl(PROD_HOST), body, 'text/xml; charset=UTF-8');
    expect(response.status).toBe(200);
  });

  it('accepts the password alone in a trusted-IP org', async () => {
    const url = soapUrl('trusted.my.salesforce.com');
    expect((await postSoap(url, soapLoginBody('user@trusted.example', 'trusted-password'))).status).toBe(200);
    expect((await postSoap(url, soapLoginBody('user@trusted.example', 'trusted-passwordTrustedToken'))).status).toBe(200);
  });

  it('accepts the password of a user without a token', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), soapLoginBody('tokenless@prod.example', 'tokenless-password'));
    expect(response.status).toBe(200);
  });
});

describe('SOAP login faults', () => {
  it.each([
    ['an unknown user', PROD_HOST, 'nobody@prod.example', 'x'],
    ['a wrong password', PROD_HOST, 'main@prod.example', `wrong${MAIN_TOKEN}`],
    ['a wrong token', PROD_HOST, 'main@prod.example', `${MAIN_PASSWORD}WrongToken12`],
    ['a sandbox user on the production host', LOGIN_HOST, 'main@prod.example.uat', 'uat-passwordUatToken'],
    ['a production user on the sandbox host', TEST_HOST, 'main@prod.example', MAIN_PASSWORD + MAIN_TOKEN],
    ['a user of another org', UAT_HOST, 'main@prod.example', MAIN_PASSWORD + MAIN_TOKEN],
    ['an empty body element', PROD_HOST, '', ''],
  ])('rejects %s with INVALID_LOGIN', async (_case, host, username, password) => {
    const response = await postSoap(soapUrl(host), soapLoginBody(username, password));
    expect(response.status).toBe(500);
    expect(response.contentType).toBe('text/xml;charset=UTF-8');
    expect(response.text).toBe(INVALID_LOGIN_PARTNER);
  });

  it('uses the enterprise fault namespace', async () => {
    const response = await postSoap(soapUrl(PROD_HOST, '64.0', 'c'), soapLoginBody('nobody@prod.example', 'x', ENTERPRISE));
    expect(response.text).toBe(INVALID_LOGIN_ENTERPRISE);
  });

  it('surfaces the faultstring through jsforce', async () => {
    const message = await rejection(connect({ loginUrl: prodUrl }).login('main@prod.example', 'wrong'));
    expect(message).toBe('INVALID_LOGIN: Invalid username, password, security token; or user locked out.');
  });

  it('asks for the security token', async () => {
    const message = await rejection(connect({ loginUrl: prodUrl }).login('main@prod.example', MAIN_PASSWORD));
    expect(message).toMatch(/^LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out\. Are you at a new location\?/);
    expect(message).toContain('you must add a security token to your password to log in.');
    expect(message.endsWith('then select Reset My Security Token.')).toBe(true);
  });

  it('rejects an org without API access', async () => {
    const response = await postSoap(soapUrl('noapi.my.salesforce.com'), soapLoginBody('user@noapi.example', 'noapi-org-password'));
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe('API_DISABLED_FOR_ORG: API is not enabled for this Organization or Partner');
    expect(response.text).toContain('<sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault">');
  });

  it('rejects a user without API access', async () => {
    const message = await rejection(connect({ loginUrl: prodUrl }).login('noapi@prod.example', 'noapi-password'));
    expect(message).toBe('API_CURRENTLY_DISABLED: API is disabled for this User');
  });

  it('checks the password before the org switches', async () => {
    const response = await postSoap(soapUrl('noapi.my.salesforce.com'), soapLoginBody('user@noapi.example', 'wrong'));
    expect(response.text).toBe(INVALID_LOGIN_PARTNER);
  });

  it.each(['65.0', '66.0', '68.0'])('refuses login at %s', async (version) => {
    const response = await postSoap(soapUrl(PROD_HOST, version), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe(
      `INVALID_OPERATION: The SOAP Login operation is not available in the API version specified (${version}). Refer to the documentation for supported versions.`,
    );
  });

  it('refuses login where the org disabled it', async () => {
    const message = await rejection(connect({ loginUrl: test.url('nosoap.my.salesforce.com') }).login('user@nosoap.example', 'nosoap-password'));
    expect(message).toBe(
      'INVALID_OPERATION: SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().',
    );
  });

  it.each([
    ['a retired version', PROD_HOST, '30.0'],
    ['a version after the org release', 'old.my.salesforce.com', '61.0'],
    ['a version newer than any release', LOGIN_HOST, '69.0'],
    ['a version without ".0"', PROD_HOST, '64'],
  ])('rejects %s with UNSUPPORTED_API_VERSION', async (_case, host, version) => {
    const response = await postSoap(soapUrl(host, version), soapLoginBody('user@old.example', 'old-password'));
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe('UNSUPPORTED_API_VERSION: Invalid Api version specified on URL');
    expect(response.text).toContain('<sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault">');
  });

  it('rejects a newer version on generic hosts', async () => {
    const response = await postSoap(soapUrl(LOGIN_HOST, '61.0'), soapLoginBody('user@old.example', 'old-password'));
    expect(elementText(response.text, 'faultstring')).toBe('UNSUPPORTED_API_VERSION: Invalid Api version specified on URL');
  });

  it('serves an older org on generic hosts', async () => {
    const response = await postSoap(soapUrl(LOGIN_HOST, '60.0'), soapLoginBody('user@old.example', 'old-password'));
    expect(response.status).toBe(200);
  });

  it('reports malformed XML as UNKNOWN_EXCEPTION', async () => {
    const body = soapLoginBody('main@prod.example', 'x').replace('<password>x', '<password>P&Cl0ud');
    const response = await postSoap(soapUrl(PROD_HOST), body);
    expect(response.status).toBe(500);
    expect(response.text).toContain('<faultcode>UNKNOWN_EXCEPTION</faultcode>');
    expect(response.text).toContain(
      '<faultstring>UNKNOWN_EXCEPTION: The reference to entity &quot;Cl0ud&quot; must end with the &apos;;&apos; delimiter.</faultstring>',
    );
    expect(response.text).toContain('<sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault">');
  });

  it('reports bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('<a>'), Buffer.from([0xff, 0xfe]), Buffer.from('</a>')]);
    const response = await postSoap(soapUrl(PROD_HOST), bytes);
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe('UNKNOWN_EXCEPTION: Invalid byte 1 of 1-byte UTF-8 sequence.');
  });

  it('reports an empty body', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), '');
    expect(elementText(response.text, 'faultstring')).toBe('UNKNOWN_EXCEPTION: Premature end of file.');
  });

  it.each([
    ['locked@prod.example', 'locked-password', 'PASSWORD_LOCKOUT: The user is locked out after too many failed login attempts.'],
    ['locked@prod.example', 'wrong', 'PASSWORD_LOCKOUT: The user is locked out after too many failed login attempts.'],
    ['domain@prod.example', 'domain-password', 'LOGIN_DURING_RESTRICTED_DOMAIN: cannot log in from current domain'],
  ])('returns the forced fault of %s', async (username, password, faultstring) => {
    const response = await postSoap(soapUrl(PROD_HOST), soapLoginBody(username, password));
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe(faultstring);
    expect(response.text).toContain('<sf:LoginFault xsi:type="sf:LoginFault">');
  });

  it('rejects a content type other than text/xml', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), soapLoginBody('main@prod.example', 'x'), 'application/soap+xml');
    expect(response.status).toBe(500);
    expect(response.text).toContain('<faultcode>soapenv:Client</faultcode>');
    expect(elementText(response.text, 'faultstring')).toBe('content-type of the request should be text/xml');
  });

  it('rejects an operation the emulator does not serve', async () => {
    const body = soapLoginBody('a', 'b').replace(/<login xmlns="([^"]+)">.*<\/login>/, '<query xmlns="$1"><queryString>x</queryString></query>');
    const response = await postSoap(soapUrl(PROD_HOST), body);
    expect(response.status).toBe(500);
    expect(elementText(response.text, 'faultstring')).toBe(
      'No operation available for request {urn:partner.soap.sforce.com}query, please check the WSDL for the service.',
    );
  });

  it('rejects a body that is not a SOAP envelope', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), '<login><username>a</username></login>');
    expect(response.status).toBe(500);
    expect(response.text).toContain('<faultcode>soapenv:Client</faultcode>');
  });
});

describe('SOAP faultcode style', () => {
  it('prefixes faultcodes when configured', async () => {
    const prefixed = await startEmulator(parseEmulatorConfig(TEST_CONFIG_YAML.replace('faultcodeStyle: bare', 'faultcodeStyle: prefixed'), 'p.yaml'));
    try {
      const url = prefixed.domains.find((domain) => domain.host === PROD_HOST)!.url;
      const response = await postSoap(`${url}/services/Soap/u/64.0`, soapLoginBody('nobody@prod.example', 'x'));
      expect(response.text).toBe(INVALID_LOGIN_PARTNER.replace('<faultcode>INVALID_LOGIN<', '<faultcode>sf:INVALID_LOGIN<'));
    } finally {
      await prefixed.close();
    }
  });
});

describe('SOAP endpoint methods', () => {
  it('answers GET with the 405 page', async () => {
    const response = await fetch(soapUrl(PROD_HOST, '42.0'));
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('\n\n\n\n\n\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n')).toBe(true);
    expect(text).toContain('<title>Error 405 Only POST allowed</title>');
    expect(text).toContain('<p>Problem accessing /services/Soap/u/42.0. Reason:\n<pre>    Only POST allowed</pre></p><hr /><br/>');
    expect(text).toContain('\n\t\t\t\n</body>\n</html>\n\n\n<!--\n');
    expect(text.endsWith(`${'.'.repeat(99)}\n-->`)).toBe(true);
  });
});

describe('SOAP password expiry', () => {
  it('makes jsforce refuse the login', async () => {
    const message = await rejection(connect({ loginUrl: prodUrl }).login('expired@prod.example', 'expired-passwordExpiredToken'));
    expect(message).toBe('Unable to login because the used password has expired.');
  });

  it('returns a session that REST refuses', async () => {
    const { status, text } = await postSoap(soapUrl(PROD_HOST), soapLoginBody('expired@prod.example', 'expired-passwordExpiredToken'));
    expect(status).toBe(200);
    expect(elementText(text, 'passwordExpired')).toBe('true');

    const rest = await fetch(`${prodUrl}/services/data/v64.0/limits`, {
      headers: { Authorization: `Bearer ${elementText(text, 'sessionId')}` },
    });
    expect(rest.status).toBe(401);
    expect(rest.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await rest.text()).toBe(
      '[{"message":"Your password has expired. Please reset your password.","errorCode":"INVALID_OPERATION_WITH_EXPIRED_PASSWORD"}]',
    );
  });
});

describe('SOAP logout', () => {
  it('ends the session of a jsforce logout', async () => {
    const conn = connect({ loginUrl: prodUrl });
    await conn.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
    const token = conn.accessToken!;
    await conn.logout();

    const rest = await fetch(`${prodUrl}/services/data/v64.0/`, { headers: { Authorization: `Bearer ${token}` } });
    expect(rest.status).toBe(401);
    expect(await rest.text()).toBe('[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]');
  });

  it('accepts logout on the server URL', async () => {
    const { text } = await postSoap(soapUrl(PROD_HOST), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    const response = await postSoap(elementText(text, 'serverUrl')!, logoutBody(elementText(text, 'sessionId')!));
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
        'xmlns="urn:partner.soap.sforce.com"><soapenv:Body><logoutResponse/></soapenv:Body></soapenv:Envelope>',
    );
  });

  it('rejects an unknown session with INVALID_SESSION_ID', async () => {
    const response = await postSoap(soapUrl(PROD_HOST), logoutBody('00D5g000004AbCd!unknown'));
    expect(response.status).toBe(500);
    expect(response.text).toContain('<faultcode>sf:INVALID_SESSION_ID</faultcode>');
    expect(elementText(response.text, 'faultstring')).toBe(
      'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session',
    );
  });

  it('rejects a second logout of the same session', async () => {
    const { text } = await postSoap(soapUrl(PROD_HOST), soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
    const body = logoutBody(elementText(text, 'sessionId')!);
    expect((await postSoap(soapUrl(PROD_HOST), body)).status).toBe(200);
    expect((await postSoap(soapUrl(PROD_HOST), body)).status).toBe(500);
  });
});

function logoutBody(sessionId: string): string {
  return (
    '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header>' +
    `<SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${sessionId}</sessionId></SessionHeader>` +
    '</se:Header><se:Body><logout xmlns="urn:partner.soap.sforce.com"/></se:Body></se:Envelope>'
  );
}
