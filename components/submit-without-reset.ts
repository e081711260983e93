'use client';
// React resets a <form action={…}> after every submission, which throws away what a
// controlled <select> shows (the state keeps its value, the DOM does not). Our forms keep
// everything the user typed in state, so they submit through this instead.
import { startTransition, type FormEvent } from 'react';

export function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}
