// The fields of the focus area and council goal forms, shared by their create and update actions.
import { code, optionalId, optionalText, optionalWholeNumber, optionalYear, requiredText, year } from './fields';

export const focusAreaFields = {
  code,
  number: optionalWholeNumber('Ange målområdets nummer som ett heltal, till exempel 1.'),
  name: requiredText('Ange målområdets namn.', 200),
  parentId: optionalId,
  validFrom: year,
  validTo: optionalYear,
  sortOrder: optionalWholeNumber('Ange ordningen som ett heltal, till exempel 10.').transform((v) => v ?? 0),
};

export const councilGoalFields = {
  code,
  focusAreaId: optionalId.refine((v) => v !== null, 'Välj målområde.').transform((v) => v!),
  text: requiredText('Skriv målet som ett påstående.', 2000),
  phrase: optionalText(500),
  validFrom: year,
  validTo: optionalYear,
  sortOrder: optionalWholeNumber('Ange ordningen som ett heltal, till exempel 10.').transform((v) => v ?? 0),
};
