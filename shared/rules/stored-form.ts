import type { Account, Contact, EntityByCollection, Lead } from '../domain';
import { cleanCompanyName, companyNameKey } from '../validation/company-name';
import { normalizeCreditCode } from '../validation/credit-code';
import { normalizeEmail } from '../validation/email';
import { normalizeMobile } from '../validation/mobile';
import { withDerivedFields } from './derived-fields';

/**
 * The stored form of a record the app writes: names cleaned, the normalized keys duplicate checks and lists use
 * (nameKey, companyKey), mobile and e-mail normalized, a deal's derived amount. The repositories apply it on
 * every write (their `derive`) and the importer to every row before the schema (issue 17), so an imported
 * record is stored exactly as the same values typed into the form would be.
 */
export function storedForm<C extends keyof EntityByCollection>(
  collection: C,
  record: EntityByCollection[C],
): EntityByCollection[C] {
  // Then the derived fields (a deal's amount, key-date index keys, a comment's mentions): the server's rule too.
  return withDerivedFields(collection, normalized(collection, record));
}

function normalized<C extends keyof EntityByCollection>(
  collection: C,
  record: EntityByCollection[C],
): EntityByCollection[C] {
  switch (collection) {
    case 'accounts': {
      const account = record as Account;
      const name = cleanCompanyName(account.name);
      return {
        ...account,
        name,
        nameKey: companyNameKey(name),
        creditCode: normalizeCreditCode(account.creditCode),
      } as EntityByCollection[C];
    }
    case 'contacts': {
      const contact = record as Contact;
      return {
        ...contact,
        name: contact.name.trim(),
        mobile: normalizeMobile(contact.mobile),
        email: normalizeEmail(contact.email),
      } as EntityByCollection[C];
    }
    case 'leads': {
      const lead = record as Lead;
      return {
        ...lead,
        name: lead.name.trim(),
        companyKey: companyNameKey(lead.company),
        mobile: normalizeMobile(lead.mobile),
        email: normalizeEmail(lead.email),
      } as EntityByCollection[C];
    }
    default:
      return record;
  }
}
