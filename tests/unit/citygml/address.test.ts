// formatAddress: one display line from xAL 2.0 (CityGML 1.0/2.0) and xAL 3.0 (CityGML 3.0) addresses.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/core/formats/xml/xml-tree';
import { formatAddress } from '../../../workers/lib/citygml/address';

const xal = (body: string) => formatAddress(parseXml(`<Address xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0">${body}</Address>`));

describe('formatAddress', () => {
  it('reads an xAL 2.0 address as "street number, postcode locality", white space collapsed', () => {
    const line = xal(`<xalAddress><xAL:AddressDetails><xAL:Country><xAL:CountryName>Deutschland</xAL:CountryName>
      <xAL:Locality Type="Town"><xAL:LocalityName>  Lands\n hut </xAL:LocalityName>
      <xAL:Thoroughfare Type="Street"><xAL:ThoroughfareNumber>12</xAL:ThoroughfareNumber><xAL:ThoroughfareNumber>a</xAL:ThoroughfareNumber>
      <xAL:ThoroughfareName>Haupt\tstraße</xAL:ThoroughfareName></xAL:Thoroughfare>
      <xAL:PostalCode><xAL:PostalCodeNumber>84028</xAL:PostalCodeNumber></xAL:PostalCode></xAL:Locality></xAL:Country></xAL:AddressDetails></xalAddress>`);
    expect(line).toBe('Haupt straße 12 a, 84028 Lands hut');
  });

  it('falls back to free AddressLines, and to the text of an Address without elements', () => {
    expect(xal(`<xalAddress><xAL:AddressDetails><xAL:AddressLines><xAL:AddressLine>Am Hang 15</xAL:AddressLine>` +
      `<xAL:AddressLine> 85665 Moosach </xAL:AddressLine></xAL:AddressLines></xAL:AddressDetails></xalAddress>`)).toBe('Am Hang 15, 85665 Moosach');
    expect(formatAddress(parseXml('<Address> Marktplatz   1,  Erding </Address>'))).toBe('Marktplatz 1, Erding');
    // any white space counts, a lone no-break space too; a tidy text is kept as it is
    expect(formatAddress(parseXml('<Address>Marktplatz\u00a01,\nErding</Address>'))).toBe('Marktplatz 1, Erding');
    expect(formatAddress(parseXml('<Address>Marktplatz 1, Erding</Address>'))).toBe('Marktplatz 1, Erding');
    expect(xal('<xalAddress/>')).toBeUndefined();
  });

  it('reads xAL 3.0 names only under the parent that gives them their meaning, and leaves out reference locations', () => {
    const line = xal(`<Thoroughfare><NameElement>Bahnhofstraße</NameElement><NameElement NameType="ReferenceLocation">beim Bahnhof</NameElement>` +
      `<Number>3</Number></Thoroughfare><Locality><NameElement>Freising</NameElement></Locality>` +
      `<PostCode><Identifier>85354</Identifier></PostCode>` +
      // the same names under other parents mean nothing here
      `<Premise><NameElement>Haus B</NameElement><Number>99</Number><Identifier>x</Identifier></Premise><LocalityName>nowhere</LocalityName>`);
    expect(line).toBe('Bahnhofstraße 3, 85354 Freising');
    // a LocalityName counts only under Locality, and is not looked into either way
    expect(xal('<Locality><LocalityName>Au</LocalityName></Locality>')).toBe('Au');
  });
});
