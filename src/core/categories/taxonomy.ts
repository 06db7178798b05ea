// The built-in categories as one table: identity, report keys and recognition rules.
// The rules live in one file per group of categories; this file puts them in contract order.
import { BUILTIN_CATEGORY_IDS, type BuiltinCategoryId, type CategoryId } from '../types';
import { EMAIL, PERSON_NAME, PHONE_NUMBER, POSTAL_ADDRESS, USERNAME } from './taxonomy-contact';
import { BANK_ACCOUNT, DATE_OF_BIRTH, GOVERNMENT_ID, PAYMENT_CARD } from './taxonomy-financial';
import { DEVICE_ID, IP_ADDRESS, PRECISE_LOCATION } from './taxonomy-technical';
import type { CategorySpec } from './taxonomy-words';

export type { CategorySpec, NameRule, RuleSpec } from './taxonomy-words';

/** Every built-in category, in the order of BUILTIN_CATEGORY_IDS. */
export const CATEGORY_TABLE: readonly CategorySpec[] = [
  IP_ADDRESS,
  PAYMENT_CARD,
  PHONE_NUMBER,
  EMAIL,
  PERSON_NAME,
  POSTAL_ADDRESS,
  DEVICE_ID,
  USERNAME,
  PRECISE_LOCATION,
  GOVERNMENT_ID,
  DATE_OF_BIRTH,
  BANK_ACCOUNT,
];

export interface CategoryInfo {
  id: CategoryId;
  label: string;
  /** fideslang data category key, as reports carry it. */
  fideslang: string;
}

export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_TABLE.map(({ id, label, fideslang }) => ({ id, label, fideslang }));

const INFO_BY_ID = new Map<CategoryId, CategoryInfo>(CATEGORIES.map((info) => [info.id, info]));

/** Label and fideslang key of a built-in category; undefined for ids a catalog adds. */
export function categoryInfo(id: CategoryId): CategoryInfo | undefined {
  return INFO_BY_ID.get(id);
}

export function isBuiltinCategory(id: CategoryId): id is BuiltinCategoryId {
  return (BUILTIN_CATEGORY_IDS as readonly string[]).includes(id);
}
