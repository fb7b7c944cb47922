import { graphql } from '@/shared/graphql/generated';

/** A mailbox's settings (never a password), how replies leave from it, and its live import state. */
export const mailboxFields = graphql(`
  fragment MailboxFields on Mailbox {
    id
    address
    senderName
    departmentId
    enabled
    host
    port
    security
    user
    folder
    allowInvalidCertificate
    afterImport
    afterImportFolder
    version
    sending {
      enabled
      transport
      host
      port
      security
      user
      allowInvalidCertificate
      autoReplyEnabled
      autoReplySubject
      autoReplyText
    }
    signature
    state {
      connection
      lastImportAt
      lastError
      lastErrorAt
      importedToday
      failedCount
    }
  }
`);

export const failedMailFields = graphql(`
  fragment FailedMailFields on FailedMail {
    id
    mailboxId
    subject
    from
    reason
    size
    receivedAt
    retriedAt
    rawUrl
  }
`);
