/**
 * The REST layer refuses text PostgreSQL cannot store (NUL, lone surrogates) with 400 before any route runs;
 * the definition is shared with the entity schemas, so the sync socket refuses the same values per field.
 */
export { findUnstorableText } from '@shared/validation/storable-text';
