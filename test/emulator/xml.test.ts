import { describe, expect, it } from 'vitest';

import { escapeXml, parseXml, XmlSyntaxError } from '../../src/emulator/xml.js';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const PARTNER = 'urn:partner.soap.sforce.com';

function syntaxError(source: string): string {
  try {
    parseXml(source);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    return (error as Error).message;
  }
  throw new Error(`parsed without error: ${source}`);
}

describe('parseXml', () => {
  it('resolves prefixed and default namespaces', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?><se:Envelope xmlns:se="${SOAP}"><se:Body><login xmlns="${PARTNER}"><username>a</username></login></se:Body></se:Envelope>`,
    );
    expect(root.name).toBe('Envelope');
    expect(root.namespace).toBe(SOAP);
    const login = root.children[0]!.children[0]!;
    expect(login.name).toBe('login');
    expect(login.namespace).toBe(PARTNER);
    expect(login.children[0]!.namespace).toBe(PARTNER);
    expect(login.children[0]!.text).toBe('a');
  });

  it('decodes the five entities', () => {
    const root = parseXml('<p>&amp;&lt;&gt;&quot;&apos;</p>');
    expect(root.text).toBe(`&<>"'`);
  });

  it('decodes numeric character references', () => {
    const root = parseXml('<p>&#65;&#x42;&#x1F600;</p>');
    expect(root.text).toBe('AB\u{1F600}');
  });

  it('unwraps CDATA sections', () => {
    const root = parseXml('<p>a<![CDATA[<b>&amp;]]>c</p>');
    expect(root.text).toBe('a<b>&amp;c');
  });

  it('decodes attribute values', () => {
    const root = parseXml(`<p a='x&amp;y' b="1"/>`);
    expect(root.attributes.get('a')).toBe('x&y');
    expect(root.attributes.get('b')).toBe('1');
  });

  it('normalizes line ends and attribute white space', () => {
    const root = parseXml('<p a="x\ty&#10;z">1\r\n2\r3</p>');
    expect(root.text).toBe('1\n2\n3');
    expect(root.attributes.get('a')).toBe('x y\nz');
  });

  it('skips comments and processing instructions', () => {
    const root = parseXml('<!-- c --><?pi data?><p><!-- inner -->t<?x y?></p><!-- end -->');
    expect(root.text).toBe('t');
  });

  it('keeps an element in no namespace', () => {
    expect(parseXml('<p/>').namespace).toBe('');
  });

  it.each([
    ['an unterminated entity', '<p>Cl&Cl</p>', `The reference to entity "Cl" must end with the ';' delimiter.`],
    ['a bare ampersand', '<p>a & b</p>', "The entity name must immediately follow the '&' in the entity reference."],
    ['an undeclared entity', '<p>&nbsp;</p>', 'The entity "nbsp" was referenced, but not declared.'],
    ['a NUL character reference', '<p>&#0;</p>', 'Character reference "&#0" is an invalid XML character.'],
    ['an empty hexadecimal reference', '<p>&#x;</p>', 'A hexadecimal representation must immediately follow the "&#x" in a character reference.'],
    ['a mismatched end tag', '<a><b></a>', 'The element type "b" must be terminated by the matching end-tag "</b>".'],
    ['a missing end tag', '<a><b></b>', 'XML document structures must start and end within the same entity.'],
    ['an empty document', '', 'Premature end of file.'],
    ['text before the root', 'x<a/>', 'Content is not allowed in prolog.'],
    ['text after the root', '<a/>x', 'Content is not allowed in trailing section.'],
    ['a second root', '<a/><b/>', 'The markup in the document following the root element must be well-formed.'],
    ['an unbound prefix', '<x:a/>', 'The prefix "x" for element "x:a" is not bound.'],
    ['a duplicate attribute', '<a b="1" b="2"/>', 'Attribute "b" was already specified for element "a".'],
    ['an unquoted attribute', '<a b=1/>', 'Open quote is expected for attribute "b" associated with an element type "a".'],
    ['a control character', '<a>\u0001</a>', 'An invalid XML character (Unicode: 0x1) was found in the element content of the document.'],
    ['a document type declaration', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'DOCTYPE is disallowed when the feature "http://apache.org/xml/features/disallow-doctype-decl" set to true.'],
    ['a double hyphen in a comment', '<a><!-- a -- b --></a>', 'The string "--" is not permitted within comments.'],
    ['an XML declaration inside', '<a><?xml version="1.0"?></a>', 'The processing instruction target matching "[xX][mM][lL]" is not allowed.'],
  ])('rejects %s', (_case, source, message) => {
    expect(syntaxError(source)).toBe(message);
  });

  it('rejects nesting deeper than 100 levels', () => {
    const source = '<a>'.repeat(101) + '</a>'.repeat(101);
    expect(syntaxError(source)).toBe('The element nesting exceeds 100 levels.');
  });

  it('accepts nesting of 100 levels', () => {
    const source = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(parseXml(source).name).toBe('a');
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
});
