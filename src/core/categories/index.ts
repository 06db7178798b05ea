// Public API of the category classifier: which personal data an identifier names.
export { classifyName, type ExtraNameRule, type ExtraNameRules, type NameClassification } from './classify';
export { tokenize } from './tokenize';
export {
  CATEGORIES,
  CATEGORY_TABLE,
  categoryInfo,
  isBuiltinCategory,
  type CategoryInfo,
  type CategorySpec,
  type NameRule,
  type RuleSpec,
} from './taxonomy';
