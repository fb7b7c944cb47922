import { useMutation } from '@urql/vue';
import type { PasswordChangeInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { passwordChangeMutation } from '../graphql/mutations';

/** Changes the viewer's password; the server then ends all their other sessions. */
export function usePasswordChange() {
  const mutation = useMutation(passwordChangeMutation);
  return {
    changing: mutation.fetching,
    change: async (input: PasswordChangeInput) => toOutcome(await mutation.executeMutation({ input })),
  };
}
