// English strings of the KPI tab.
export const TAB = {} as const;
