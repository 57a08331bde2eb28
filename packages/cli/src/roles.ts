/** Roles a subject can take on a form (`sohoa fill --as`); a module of its own so the command table loads nothing else. */
export const FORM_ROLES = ['mother', 'father', 'spouse', 'child', 'guardian', 'householdHead', 'grantor', 'attorney', 'deceased', 'ward', 'parent', 'representative', 'agent'] as const;
