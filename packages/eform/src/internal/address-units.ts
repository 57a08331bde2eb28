import {
  parseAddress,
  PROVINCES_34,
  type AdminUnit,
  type Gazetteer,
  type ParsedAddress,
  type UnitMatch,
} from '@sohoa/vn';

/** What an address key's computed part gives: a value, or the candidates a user must choose from. */
export type AddressPartResult = { value: string } | { split: string[] };

/** The parts of an address a form may ask for separately. */
export type AddressPart = 'province' | 'district' | 'ward' | 'street';

const label = (unit: AdminUnit) => `${unit.type.charAt(0).toUpperCase()}${unit.type.slice(1)} ${unit.name}`;
const written = (unit: ParsedAddress['commune']): string | undefined =>
  !unit || unit.guessed
    ? undefined
    : unit.type
      ? `${unit.type.charAt(0).toUpperCase()}${unit.type.slice(1)} ${unit.name}`
      : unit.name;
// An OCR snap or a unit inferred from its child is not what the document says: leave it to the user.
const certain = (match: UnitMatch | undefined) =>
  match && (match.method === 'exact' || match.method === 'alias') ? label(match.unit) : undefined;

/**
 * A named part of an address as written (old or current units): the province, district, ward (commune) or street.
 * Parts without a unit word are taken only when a gazetteer confirms them.
 */
export function addressPart(address: string, part: AddressPart, gazetteer: Gazetteer | undefined): string | undefined {
  const parsed = parseAddress(address);
  if (part === 'street') return parsed.street;
  if (gazetteer) {
    const resolved = gazetteer.resolveAddress(parsed);
    const value = certain(
      part === 'province' ? resolved.province : part === 'district' ? resolved.district : resolved.commune,
    );
    if (value) return value;
  }
  if (part === 'province')
    return (
      (parsed.era === 'old' ? parsed.province63 : undefined)?.fullName ??
      parsed.province34?.fullName ??
      parsed.province63?.fullName
    );
  return written(part === 'district' ? parsed.district : parsed.commune);
}

function currentProvinceName(code: string, gazetteer: Gazetteer | undefined): string | undefined {
  const unit = gazetteer?.get('current', 'province', code);
  return unit ? label(unit) : PROVINCES_34.find((p) => p.code === code)?.fullName;
}

/**
 * The current-unit version of an address (`whole`), or its current province or ward. With a gazetteer the
 * commune is converted through its old→new mapping; a split commune gives the candidates instead of a value.
 * Without one only the province converts, and the whole address only when it already names current units.
 */
export function currentUnitsPart(
  address: string,
  part: 'whole' | 'province' | 'ward',
  gazetteer: Gazetteer | undefined,
): AddressPartResult | undefined {
  const parsed = parseAddress(address);
  if (!gazetteer) {
    if (part === 'province') {
      const name = parsed.province34 && currentProvinceName(parsed.province34.code, undefined);
      return name ? { value: name } : undefined;
    }
    const current =
      parsed.era === 'current' || (parsed.era === undefined && !parsed.district && parsed.commune?.type !== undefined);
    if (!current) return undefined;
    if (part === 'whole') return { value: address };
    const ward = written(parsed.commune);
    return ward ? { value: ward } : undefined;
  }
  const result = gazetteer.toCurrentUnits(parsed);
  if (part === 'province') {
    const name = result.province && currentProvinceName(result.province.code, gazetteer);
    return name ? { value: name } : undefined;
  }
  if (result.ambiguous) {
    const province = result.province && currentProvinceName(result.province.code, gazetteer);
    return {
      split: result.candidates.map((u) =>
        [label(u), part === 'whole' ? province : undefined].filter(Boolean).join(', '),
      ),
    };
  }
  if (!result.ok || !result.commune) return undefined;
  return { value: part === 'ward' ? label(result.commune) : result.text! };
}
