// What a new password must satisfy; shared by the admin forms, their schemas and db/.
export const MIN_PASSWORD_LENGTH = 10;
