import {
  idCardFacts,
  idCardProblem,
  maskIdCard,
  PARTY_MEMBER_STATUSES,
  type TPersonInput,
} from '@lifeline/shared';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { namePinyin } from '../../platform/text/pinyin.js';
import type { people } from './people.table.js';

export type Problem = { field: keyof TPersonInput | 'row'; code: ProblemCode; message: string };

/** Chinese wording of each rule, for the import error report (the template is Chinese). */
export const PROBLEM_ZH = {
  id_card_format: '身份证号应为 17 位数字加 1 位数字或 X',
  id_card_birth_date: '身份证号中的出生日期不存在',
  id_card_check_digit: '身份证号校验码错误（GB 11643）',
  birth_date_mismatch: '出生日期与身份证号不一致',
  gender_mismatch: '性别与身份证号不一致',
  birth_date_range: '出生日期超出范围',
  party_dates_not_member: '非党员不应填写入党、转正日期',
  party_joined_required: '党员须填写入党日期',
  probationary_full_date: '预备党员尚无转正日期',
  full_before_joined: '转正日期不能早于入党日期',
  date_future: '日期不能晚于今天',
} as const;
export type ProblemCode = keyof typeof PROBLEM_ZH;
export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export const ID_CARD_PURPOSE = 'people.id_card';

const ID_CARD_MESSAGES = {
  format: ['id_card_format', 'ID-card number must be 17 digits followed by a digit or X'],
  birth_date: ['id_card_birth_date', 'ID-card number contains an impossible birth date'],
  check_digit: ['id_card_check_digit', 'ID-card number check digit is wrong (GB 11643)'],
} as const;

/** What is stored of a person's ID card: the ciphertext and its blind index. */
export type StoredIdCard = { idCardEnc: string | null; idCardHash: string | null };

/**
 * The fields about the ID card that are derived from it (enc, hash, mask), or nulls. When
 * `stored` holds the same number (same blind index), its ciphertext is kept rather than made
 * again: encrypting is the dearest step of a large import that changes few ID cards. A number
 * stored under a previous secret (its blind index is the previous key's, until `rotate-keys`
 * runs) is the same number too, and is kept as stored, index included, for the rotation to
 * re-key: otherwise saving a person would record an ID-card change that is none.
 */
export function idCardColumns(
  crypto: FieldCrypto,
  idCard: string | null | undefined,
  stored?: StoredIdCard | null,
) {
  if (!idCard) return { idCardEnc: null, idCardHash: null, idCardMasked: null };
  const id = idCard.trim().toUpperCase();
  const idCardMasked = maskIdCard(id);
  const hashes = crypto.blindIndexes(id, ID_CARD_PURPOSE);
  if (stored?.idCardEnc && stored.idCardHash && hashes.includes(stored.idCardHash)) {
    return { idCardEnc: stored.idCardEnc, idCardHash: stored.idCardHash, idCardMasked };
  }
  return { idCardEnc: crypto.encrypt(id, ID_CARD_PURPOSE), idCardHash: hashes[0], idCardMasked };
}

/**
 * The blind indexes an ID-card number may be stored under: the current secret's, then each
 * previous secret's (rows not yet re-keyed by `rotate-keys`). Empty without a number.
 */
export function idCardIndexes(crypto: FieldCrypto, idCard: string | null | undefined): string[] {
  const id = idCard?.trim().toUpperCase();
  return id ? crypto.blindIndexes(id, ID_CARD_PURPOSE) : [];
}

/**
 * Rules of a person record beyond field formats: the ID-card check digit, agreement of the
 * birth date and gender with the ID card, and Party dates that fit the political status.
 * Returns the problems found (empty when valid).
 */
export function personProblems(input: TPersonInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (input.idCard) {
    const id = input.idCard.trim().toUpperCase();
    const problem = idCardProblem(id);
    if (problem)
      problems.push({
        field: 'idCard',
        code: ID_CARD_MESSAGES[problem][0],
        message: ID_CARD_MESSAGES[problem][1],
      });
    else {
      const facts = idCardFacts(id);
      if (input.birthDate && input.birthDate !== facts.birthDate) {
        problems.push({
          field: 'birthDate',
          code: 'birth_date_mismatch',
          message: `Birth date does not match the ID card (${facts.birthDate})`,
        });
      }
      if (input.gender !== facts.gender)
        problems.push({
          field: 'gender',
          code: 'gender_mismatch',
          message: 'Gender does not match the ID card',
        });
    }
  }
  if (input.birthDate && (input.birthDate > today || input.birthDate < '1900-01-01')) {
    problems.push({ field: 'birthDate', code: 'birth_date_range', message: 'Birth date is out of range' });
  }
  const member = (PARTY_MEMBER_STATUSES as readonly string[]).includes(input.politicalStatus);
  if (!member && (input.partyJoinedOn || input.partyFullMemberOn)) {
    problems.push({
      field: 'partyJoinedOn',
      code: 'party_dates_not_member',
      message: 'Party dates are only for Party members',
    });
  }
  if (input.politicalStatus === 'party_member' && !input.partyJoinedOn) {
    problems.push({
      field: 'partyJoinedOn',
      code: 'party_joined_required',
      message: 'A Party member needs the date of joining',
    });
  }
  if (input.politicalStatus === 'probationary_member' && input.partyFullMemberOn) {
    problems.push({
      field: 'partyFullMemberOn',
      code: 'probationary_full_date',
      message: 'A probationary member has no full-membership date yet',
    });
  }
  if (input.partyJoinedOn && input.partyFullMemberOn && input.partyFullMemberOn < input.partyJoinedOn) {
    problems.push({
      field: 'partyFullMemberOn',
      code: 'full_before_joined',
      message: 'Full membership cannot precede joining',
    });
  }
  for (const field of ['partyJoinedOn', 'partyFullMemberOn'] as const) {
    if (input[field] && (input[field] as string) > today)
      problems.push({ field, code: 'date_future', message: 'Date is in the future' });
  }
  return problems;
}

/**
 * The stored values of a valid person (derived keys included, ID card encrypted). `stored`:
 * the person's stored ID card, whose ciphertext is kept when the number is unchanged.
 */
export function personValues(
  input: TPersonInput,
  crypto: FieldCrypto,
  stored?: StoredIdCard | null,
): PersonValues {
  const id = input.idCard?.trim().toUpperCase() || null;
  const name = input.name.trim();
  const { key, initials } = namePinyin(name);
  const card = idCardColumns(crypto, id, stored);
  return {
    employeeNo: input.employeeNo.trim(),
    name,
    namePinyin: key,
    nameInitials: initials,
    gender: input.gender,
    birthDate: input.birthDate ?? (id ? idCardFacts(id).birthDate : null),
    idCardEnc: card.idCardEnc,
    idCardHash: card.idCardHash,
    idCardMasked: card.idCardMasked,
    phone: input.phone ?? null,
    unitId: input.unitId,
    politicalStatus: input.politicalStatus,
    partyJoinedOn: input.partyJoinedOn ?? null,
    partyFullMemberOn: input.partyFullMemberOn ?? null,
    positions: [...new Set(input.positions)],
    cadreRank: input.cadreRank ?? null,
    education: input.education ?? null,
    employmentStatus: input.employmentStatus,
  };
}
