/**
 * A small, strict XML parser for SOAP request bodies, and the escaping used in responses.
 *
 * It accepts what a well-formed, namespace-aware XML 1.0 parser accepts for SOAP: an optional
 * XML declaration, comments, processing instructions, CDATA sections, the five predefined
 * entities and numeric character references. It rejects document type declarations, because
 * SOAP 1.1 forbids them and they would open entity expansion. Most error messages follow the
 * wording of Apache Xerces, because Salesforce reports parser errors in that wording (for
 * example `The reference to entity "Cl" must end with the ';' delimiter.`). The messages for
 * a malformed XML declaration and for too deep nesting are the emulator's own.
 */

/** An element with its namespace resolved. */
export interface XmlElement {
  /** Local name, without the prefix. */
  readonly name: string;
  /** Namespace URI, or '' for an element in no namespace. */
  readonly namespace: string;
  /** Attribute values by qualified name, entities decoded. Namespace declarations are included. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside this element, entities decoded and CDATA unwrapped. */
  readonly text: string;
}

/** A well-formedness or namespace error, with the message a Xerces-based server would give. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

/** Maximum element nesting. SOAP login bodies are four levels deep. */
const MAX_DEPTH = 100;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const NAME_CHAR = /[-.0-9A-Za-z_\u00B7\u00C0-\uFFFF:]/;
const NCNAME = /^[A-Za-z_\u00C0-\uFFFF][-.0-9A-Za-z_\u00B7\u00C0-\uFFFF]*$/;
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[01]\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes the five XML special characters, as Salesforce does in fault strings. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Parses `source` and returns the root element. Throws XmlSyntaxError on malformed input. */
export function parseXml(source: string): XmlElement {
  // XML 1.0 section 2.11: line ends are normalized to "\n" before parsing.
  return new Parser(source.replace(/\r\n?/g, '\n')).parseDocument();
}

interface OpenElement {
  readonly qname: string;
  readonly name: string;
  readonly namespace: string;
  readonly attributes: Map<string, string>;
  readonly children: XmlElement[];
  readonly scope: ReadonlyMap<string, string>;
  text: string;
}

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  parseDocument(): XmlElement {
    if (this.source.startsWith('\uFEFF')) this.position = 1;
    if (this.source.startsWith('<?xml', this.position) && /\s/.test(this.source.charAt(this.position + 5))) {
      const declaration = XML_DECLARATION.exec(this.source.slice(this.position));
      if (!declaration) throw new XmlSyntaxError('The XML declaration is not well-formed.');
      this.position += declaration[0].length;
    }

    this.skipMisc('prolog');
    if (this.position >= this.source.length) throw new XmlSyntaxError('Premature end of file.');
    const root = this.parseRootElement();
    this.skipMisc('trailing');
    return root;
  }

  /** Skips white space, comments and processing instructions outside the root element. */
  private skipMisc(where: 'prolog' | 'trailing'): void {
    const { source } = this;
    while (this.position < source.length) {
      const char = source.charAt(this.position);
      if (isXmlWhitespace(char)) {
        this.position += 1;
      } else if (source.startsWith('<!--', this.position)) {
        this.skipComment();
      } else if (source.startsWith('<?', this.position)) {
        this.skipProcessingInstruction();
      } else if (source.startsWith('<!DOCTYPE', this.position)) {
        throw new XmlSyntaxError(
          'DOCTYPE is disallowed when the feature "http://apache.org/xml/features/disallow-doctype-decl" set to true.',
        );
      } else if (char === '<') {
        if (where === 'prolog') return;
        throw new XmlSyntaxError('The markup in the document following the root element must be well-formed.');
      } else {
        throw new XmlSyntaxError(
          where === 'prolog' ? 'Content is not allowed in prolog.' : 'Content is not allowed in trailing section.',
        );
      }
    }
  }

  private parseRootElement(): XmlElement {
    const initialScope = new Map([['xml', XML_NAMESPACE]]);
    const stack: OpenElement[] = [];
    let root: XmlElement | undefined;

    const first = this.parseStartTag(initialScope, 'prolog');
    if (first.selfClosing) return freeze(first.element);
    stack.push(first.element);

    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      if (this.position >= this.source.length) {
        throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
      }

      if (this.source.startsWith('</', this.position)) {
        this.parseEndTag(current);
        stack.pop();
        const done = freeze(current);
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(done);
        else root = done;
      } else if (this.source.startsWith('<!--', this.position)) {
        this.skipComment();
      } else if (this.source.startsWith('<![CDATA[', this.position)) {
        current.text += this.readCdata();
      } else if (this.source.startsWith('<?', this.position)) {
        this.skipProcessingInstruction();
      } else if (this.source.charAt(this.position) === '<') {
        if (stack.length >= MAX_DEPTH) {
          throw new XmlSyntaxError(`The element nesting exceeds ${MAX_DEPTH} levels.`);
        }
        const child = this.parseStartTag(current.scope, 'content');
        if (child.selfClosing) current.children.push(freeze(child.element));
        else stack.push(child.element);
      } else {
        current.text += this.readCharacterData();
      }
    }

    return root!;
  }

  private parseStartTag(
    parentScope: ReadonlyMap<string, string>,
    where: 'prolog' | 'content',
  ): { element: OpenElement; selfClosing: boolean } {
    this.position += 1; // '<'
    const qname = this.readName();
    if (qname === '') {
      throw new XmlSyntaxError(
        where === 'prolog'
          ? 'The markup in the document preceding the root element must be well-formed.'
          : 'The content of elements must consist of well-formed character data or markup.',
      );
    }

    const attributes = new Map<string, string>();
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.source.startsWith('/>', this.position)) {
        this.position += 2;
        selfClosing = true;
        break;
      }
      if (this.source.charAt(this.position) === '>') {
        this.position += 1;
        break;
      }
      if (this.position >= this.source.length) {
        throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
      }
      const attributeName = hadSpace ? this.readName() : '';
      if (attributeName === '') {
        throw new XmlSyntaxError(`Element type "${qname}" must be followed by either attribute specifications, ">" or "/>".`);
      }
      if (attributes.has(attributeName)) {
        throw new XmlSyntaxError(`Attribute "${attributeName}" was already specified for element "${qname}".`);
      }
      attributes.set(attributeName, this.readAttributeValue(attributeName, qname));
    }

    const scope = declareNamespaces(parentScope, attributes);
    const { prefix, local } = splitQName(qname);
    const namespace = prefix === '' ? (scope.get('') ?? '') : scope.get(prefix);
    if (namespace === undefined) {
      throw new XmlSyntaxError(`The prefix "${prefix}" for element "${qname}" is not bound.`);
    }
    for (const attributeName of attributes.keys()) {
      const parts = splitQName(attributeName);
      if (parts.prefix !== '' && parts.prefix !== 'xmlns' && !scope.has(parts.prefix)) {
        throw new XmlSyntaxError(
          `The prefix "${parts.prefix}" for attribute "${attributeName}" associated with an element type "${qname}" is not bound.`,
        );
      }
    }

    const element: OpenElement = { qname, name: local, namespace, attributes, children: [], scope, text: '' };
    return { element, selfClosing };
  }

  private parseEndTag(current: OpenElement): void {
    this.position += 2; // '</'
    const qname = this.readName();
    this.skipWhitespace();
    if (qname !== current.qname || this.source.charAt(this.position) !== '>') {
      if (this.position >= this.source.length) {
        throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
      }
      throw new XmlSyntaxError(
        `The element type "${current.qname}" must be terminated by the matching end-tag "</${current.qname}>".`,
      );
    }
    this.position += 1;
  }

  private readName(): string {
    const start = this.position;
    if (!NAME_START.test(this.source.charAt(this.position))) return '';
    this.position += 1;
    while (this.position < this.source.length && NAME_CHAR.test(this.source.charAt(this.position))) {
      this.position += 1;
    }
    return this.source.slice(start, this.position);
  }

  private readAttributeValue(attributeName: string, elementName: string): string {
    this.skipWhitespace();
    if (this.source.charAt(this.position) !== '=') {
      throw new XmlSyntaxError(
        `Attribute name "${attributeName}" associated with an element type "${elementName}" must be followed by the ' = ' character.`,
      );
    }
    this.position += 1;
    this.skipWhitespace();

    const quote = this.source.charAt(this.position);
    if (quote !== '"' && quote !== "'") {
      throw new XmlSyntaxError(
        `Open quote is expected for attribute "${attributeName}" associated with an element type "${elementName}".`,
      );
    }
    const end = this.source.indexOf(quote, this.position + 1);
    if (end < 0) throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
    const raw = this.source.slice(this.position + 1, end);
    if (raw.includes('<')) {
      throw new XmlSyntaxError(
        `The value of attribute "${attributeName}" associated with an element type "${elementName}" must not contain the '<' character.`,
      );
    }
    this.position = end + 1;
    // XML 1.0 section 3.3.3: literal white space becomes a space, but character references keep theirs.
    return decodeCharacterData(raw.replace(/[\t\n]/g, ' '), 'attribute');
  }

  private readCharacterData(): string {
    let end = this.source.indexOf('<', this.position);
    if (end < 0) end = this.source.length;
    const raw = this.source.slice(this.position, end);
    if (raw.includes(']]>')) {
      throw new XmlSyntaxError(
        'The character sequence "]]>" must not appear in content unless used to mark the end of a CDATA section.',
      );
    }
    this.position = end;
    return decodeCharacterData(raw, 'content');
  }

  private readCdata(): string {
    const start = this.position + '<![CDATA['.length;
    const end = this.source.indexOf(']]>', start);
    if (end < 0) throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
    this.position = end + 3;
    const text = this.source.slice(start, end);
    checkCharacters(text, 'content');
    return text;
  }

  private skipComment(): void {
    const start = this.position + 4;
    const end = this.source.indexOf('--', start);
    if (end < 0) throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
    if (this.source.charAt(end + 2) !== '>') {
      throw new XmlSyntaxError('The string "--" is not permitted within comments.');
    }
    this.position = end + 3;
  }

  private skipProcessingInstruction(): void {
    this.position += 2;
    const target = this.readName();
    if (target === '') {
      throw new XmlSyntaxError('The processing instruction must begin with the name of the target.');
    }
    if (target.toLowerCase() === 'xml') {
      throw new XmlSyntaxError('The processing instruction target matching "[xX][mM][lL]" is not allowed.');
    }
    const end = this.source.indexOf('?>', this.position);
    if (end < 0) throw new XmlSyntaxError('XML document structures must start and end within the same entity.');
    this.position = end + 2;
  }

  /** Skips white space. Returns true when there was any. */
  private skipWhitespace(): boolean {
    const start = this.position;
    while (this.position < this.source.length && isXmlWhitespace(this.source.charAt(this.position))) {
      this.position += 1;
    }
    return this.position > start;
  }
}

function freeze(element: OpenElement): XmlElement {
  return {
    name: element.name,
    namespace: element.namespace,
    attributes: element.attributes,
    children: element.children,
    text: element.text,
  };
}

function splitQName(qname: string): { prefix: string; local: string } {
  const parts = qname.split(':');
  if (parts.length > 2 || !parts.every((part) => NCNAME.test(part))) {
    throw new XmlSyntaxError(
      `Element or attribute "${qname}" do not match QName production: QName::=(NCName':')?NCName.`,
    );
  }
  return parts.length === 2 ? { prefix: parts[0]!, local: parts[1]! } : { prefix: '', local: parts[0]! };
}

/** Returns the namespace scope of an element: its parent's, plus its own `xmlns` declarations. */
function declareNamespaces(
  parentScope: ReadonlyMap<string, string>,
  attributes: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of attributes) {
    let prefix: string;
    if (name === 'xmlns') prefix = '';
    else if (name.startsWith('xmlns:')) prefix = name.slice('xmlns:'.length);
    else continue;

    if (prefix !== '' && value === '') {
      throw new XmlSyntaxError(`Prefixed namespace bindings may not be empty ("${name}").`);
    }
    scope ??= new Map(parentScope);
    scope.set(prefix, value);
  }
  return scope ?? parentScope;
}

/** Decodes entity and character references in text or an attribute value. */
function decodeCharacterData(raw: string, where: 'content' | 'attribute'): string {
  checkCharacters(raw, where);
  if (!raw.includes('&')) return raw;

  let decoded = '';
  let position = 0;
  for (;;) {
    const ampersand = raw.indexOf('&', position);
    if (ampersand < 0) return decoded + raw.slice(position);
    decoded += raw.slice(position, ampersand);
    const reference = decodeReference(raw, ampersand);
    decoded += reference.text;
    position = reference.end;
  }
}

function decodeReference(raw: string, ampersand: number): { text: string; end: number } {
  if (raw.charAt(ampersand + 1) === '#') return decodeCharacterReference(raw, ampersand);

  const match = /^[A-Za-z_\u00C0-\uFFFF][-.0-9A-Za-z_\u00B7\u00C0-\uFFFF:]*/.exec(raw.slice(ampersand + 1));
  if (!match) {
    throw new XmlSyntaxError("The entity name must immediately follow the '&' in the entity reference.");
  }
  const name = match[0];
  const after = ampersand + 1 + name.length;
  if (raw.charAt(after) !== ';') {
    throw new XmlSyntaxError(`The reference to entity "${name}" must end with the ';' delimiter.`);
  }
  const text = PREDEFINED_ENTITIES[name];
  if (text === undefined) {
    throw new XmlSyntaxError(`The entity "${name}" was referenced, but not declared.`);
  }
  return { text, end: after + 1 };
}

function decodeCharacterReference(raw: string, ampersand: number): { text: string; end: number } {
  const hex = raw.charAt(ampersand + 2) === 'x';
  const digitsStart = ampersand + (hex ? 3 : 2);
  const digits = (hex ? /^[0-9A-Fa-f]+/ : /^[0-9]+/).exec(raw.slice(digitsStart))?.[0];
  if (!digits) {
    throw new XmlSyntaxError(
      hex
        ? 'A hexadecimal representation must immediately follow the "&#x" in a character reference.'
        : 'A decimal representation must immediately follow the "&#" in a character reference.',
    );
  }
  const end = digitsStart + digits.length;
  if (raw.charAt(end) !== ';') {
    throw new XmlSyntaxError('The character reference must end with the \';\' delimiter.');
  }
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  if (!isXmlCharacter(codePoint)) {
    throw new XmlSyntaxError(`Character reference "&#${hex ? 'x' : ''}${digits}" is an invalid XML character.`);
  }
  return { text: String.fromCodePoint(codePoint), end: end + 1 };
}

function checkCharacters(text: string, where: 'content' | 'attribute'): void {
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!isXmlCharacter(codePoint)) {
      const place = where === 'content' ? 'the element content of the document' : 'the value of an attribute';
      throw new XmlSyntaxError(
        `An invalid XML character (Unicode: 0x${codePoint.toString(16)}) was found in ${place}.`,
      );
    }
  }
}

function isXmlWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Checks a code point against the XML 1.0 `Char` production. Lone surrogates are invalid. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
