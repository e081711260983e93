// A form's submit button while the form is being sent: marked aria-disabled and a click (or
// Enter in a field) meanwhile ignored, instead of the disabled attribute. A disabled button
// loses keyboard focus, which then falls back to the start of the page: after every save a
// keyboard or screen reader user would have to find the way back to the form. `disabled`
// stays for a button that cannot be used for another reason (the first row's "Upp").
// Its styles use aria-disabled: (Tailwind) where they used disabled:.
import type { ComponentProps } from 'react';

export function SubmitButton({ pending, onClick, ...props }: Omit<ComponentProps<'button'>, 'type'> & { pending: boolean }) {
  return (
    <button
      type="submit"
      {...props}
      aria-disabled={pending || props.disabled || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
