import {
  AbroadSection,
  ActivitiesSection,
  LegalFormSection,
  NamesSection,
  NetworksSection,
} from './BasicSections';
import { CooperationsSection } from './CooperationsSection';
import { EstablishmentSection } from './EstablishmentSection';
import type { OrgFormApi } from './formApi';
import { FundingSection } from './FundingSection';
import { MembersSection } from './MembersSection';
import { ProfessionalisationSection } from './ProfessionalisationSection';
import { StatusSection } from './StatusSection';

/** Every profile section, in the order of `profileSections`. */
export function OrganisationFormSections({ api }: { api: OrgFormApi }) {
  return (
    <>
      <NamesSection api={api} />
      <LegalFormSection api={api} />
      <ActivitiesSection api={api} />
      <MembersSection api={api} />
      <ProfessionalisationSection api={api} />
      <AbroadSection api={api} />
      <EstablishmentSection api={api} />
      <NetworksSection api={api} />
      <CooperationsSection api={api} />
      <FundingSection api={api} />
      <StatusSection api={api} />
    </>
  );
}
