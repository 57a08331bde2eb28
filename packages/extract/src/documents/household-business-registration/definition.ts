import { businessType, HOUSEHOLD_BUSINESS_SPEC, HOUSEHOLD_VOTES } from '../business/registration';

/** Giấy chứng nhận đăng ký hộ kinh doanh: the household business as subject, the household head as relation. */
export const householdBusinessRegistration = businessType(
  'household-business-registration',
  'Giấy chứng nhận đăng ký hộ kinh doanh',
  HOUSEHOLD_VOTES,
  HOUSEHOLD_BUSINESS_SPEC,
  'householdHead',
  'DKHKD',
);
