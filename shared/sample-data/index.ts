export * from './random';
export * from './generator';
export {
  composeCompanyName,
  makeCreditCode,
  makeMobile,
  orgCodeCheckChar,
  COMPANY_NAME_VARIANTS,
  type CompanyParts,
} from './names';
