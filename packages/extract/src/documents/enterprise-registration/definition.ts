import { businessType, ENTERPRISE_SPEC, ENTERPRISE_VOTES } from '../business/registration';

/** Giấy chứng nhận đăng ký doanh nghiệp (công ty TNHH, cổ phần): the company as subject, its legal representative as relation. */
export const enterpriseRegistration = businessType(
  'enterprise-registration',
  'Giấy chứng nhận đăng ký doanh nghiệp',
  ENTERPRISE_VOTES,
  ENTERPRISE_SPEC,
  'representative',
  'DKDN',
);
