// An e-mail address in a narrow column. It may wrap after "@" and before a ".", so a line ends where the address
// has a seam; left to the browser, a column too narrow for it cut names in two ("anna@fabrikam.exampl" / "e").
import { Fragment } from 'react';

export function Address({ value }: { value: string }) {
  const parts = value.split(/(?<=@)|(?=\.)/);
  return (
    <span data-testid="address">
      {parts.map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}
    </span>
  );
}
