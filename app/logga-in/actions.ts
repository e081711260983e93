'use server';
// Login and logout. These actions are the authentication itself, so there is no policy
// question to ask (authorization starts once a user exists); the input is still parsed
// with zod and nothing about which accounts exist is revealed.
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from '@/lib/zod';
import { auth, loginSchema, signIn, signOut } from '@/server/auth';
import { WRONG_CREDENTIALS_MESSAGE } from '@/lib/login-throttle';
import { safeRedirectPath } from '@/lib/safe-redirect';

export interface LoginState {
  email: string;
  error?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  // Anything but a form (a client posting JSON through Next's action protocol) is refused.
  if (!(formData instanceof FormData)) return { email: '', error: 'Formuläret kunde inte läsas. Ladda om sidan och försök igen.' };
  const raw = { email: String(formData.get('email') ?? ''), password: String(formData.get('password') ?? '') };
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) {
    return { email: raw.email, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get('till')),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { email: raw.email, error: WRONG_CREDENTIALS_MESSAGE }; // one answer to every refusal
    }
    if (error instanceof AuthError) {
      console.error('login failed', error.type);
      return { email: raw.email, error: 'Inloggningen misslyckades. Försök igen om en stund.' };
    }
    throw error; // the redirect after a successful login
  }
  return { email: raw.email };
}

export async function logout(): Promise<void> {
  // After a single sign-on session the login page offers the provider's own logout too.
  const session = await auth();
  const viaSso = (session?.user as { via?: string } | undefined)?.via === 'sso';
  await signOut({ redirectTo: viaSso ? '/logga-in?utloggad=sso' : '/logga-in' });
}
