import { describe, expect, it } from 'vitest';
import { roleOfField, VariableNameSuggester } from '../../src/project/variable-names.js';

describe('variable name suggestions', () => {
  it.each([
    ['SF_WH_USERNAME', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_PASSWORD', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_CLIENT_ID', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_CLIENT_SECRET', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_TOKEN', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_REFRESH_TOKEN', 'SF_WH_SECURITY_TOKEN'],
    ['SF_WH_PRIVATE_KEY', 'SF_WH_SECURITY_TOKEN'],
    ['sfWhClientId', 'sfWhSecurityToken'],
    ['sf-wh-client-secret', 'sf-wh-security-token'],
  ])('%s gives %s', (variable, expected) => {
    const suggester = new VariableNameSuggester(new Map([['warehouse', [variable]]]));
    expect(suggester.suggest('warehouse', 'securityToken')).toBe(expected);
  });

  it('keeps the prefix before a security token suffix', () => {
    const suggester = new VariableNameSuggester(new Map([['warehouse', ['SF_WH_SECURITY_TOKEN']]]));
    expect(suggester.suggest('warehouse', 'password')).toBe('SF_WH_PASSWORD');
  });

  it('falls back to SF_ and the org name', () => {
    const suggester = new VariableNameSuggester(new Map([['eu-dev', []]]));
    expect(suggester.suggest('eu-dev', 'clientSecret')).toBe('SF_EU_DEV_CLIENT_SECRET');
  });

  it('follows the pattern of other orgs', () => {
    const suggester = new VariableNameSuggester(new Map([['prod', ['ACME_PROD_CLIENT_ID']], ['uat', []]]));
    expect(suggester.suggest('uat', 'clientSecret')).toBe('ACME_UAT_CLIENT_SECRET');
  });

  it('passes over a name another org uses', () => {
    const suggester = new VariableNameSuggester(new Map([['prod', ['SF_PASSWORD', 'SF_SECURITY_TOKEN']], ['uat', ['SF_PASSWORD']]]));
    expect(suggester.suggest('uat', 'securityToken')).toBe('SF_UAT_SECURITY_TOKEN');
    expect(suggester.suggest('prod', 'securityToken')).toBe('SF_SECURITY_TOKEN');
  });

  it('converts field names to roles', () => {
    expect(roleOfField('securityToken')).toBe('SECURITY_TOKEN');
    expect(roleOfField('clientSecret')).toBe('CLIENT_SECRET');
    expect(roleOfField('password')).toBe('PASSWORD');
  });
});
