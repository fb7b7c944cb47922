/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment CannedReplyFields on CannedReply {\n    id\n    departmentId\n    category\n    title\n    body\n    version\n  }\n": typeof types.CannedReplyFieldsFragmentDoc,
    "\n  mutation CannedReplyCreate($input: CannedReplyCreateInput!) {\n    cannedReplyCreate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n": typeof types.CannedReplyCreateDocument,
    "\n  mutation CannedReplyUpdate($input: CannedReplyUpdateInput!) {\n    cannedReplyUpdate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n": typeof types.CannedReplyUpdateDocument,
    "\n  mutation CannedReplyDelete($id: ID!) {\n    cannedReplyDelete(id: $id)\n  }\n": typeof types.CannedReplyDeleteDocument,
    "\n  query CannedReplies($filter: CannedReplyFilterInput) {\n    cannedReplies(filter: $filter) {\n      ...CannedReplyFields\n    }\n  }\n": typeof types.CannedRepliesDocument,
    "\n  query CannedReplyRender($id: ID!, $ticketId: ID!) {\n    cannedReplyRender(id: $id, ticketId: $ticketId)\n  }\n": typeof types.CannedReplyRenderDocument,
    "\n  fragment CustomerFields on Customer {\n    id\n    number\n    name\n    isCompany\n    contacts {\n      id\n      name\n      email\n    }\n  }\n": typeof types.CustomerFieldsFragmentDoc,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      ...CustomerFields\n    }\n  }\n": typeof types.CustomerCreateDocument,
    "\n  query Customers($search: String, $first: Int) {\n    customers(search: $search, first: $first) {\n      ...CustomerFields\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    portalPriority\n    ratingMailEnabled\n    createdAt\n    updatedAt\n  }\n": typeof types.DepartmentFieldsFragmentDoc,
    "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentCreateDocument,
    "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentUpdateDocument,
    "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n": typeof types.DepartmentDeleteDocument,
    "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n": typeof types.DepartmentChangedDocument,
    "\n  fragment MailboxFields on Mailbox {\n    id\n    address\n    senderName\n    departmentId\n    enabled\n    host\n    port\n    security\n    user\n    folder\n    allowInvalidCertificate\n    afterImport\n    afterImportFolder\n    version\n    sending {\n      enabled\n      transport\n      host\n      port\n      security\n      user\n      allowInvalidCertificate\n      autoReplyEnabled\n      autoReplySubject\n      autoReplyText\n    }\n    signature\n    state {\n      connection\n      lastImportAt\n      lastError\n      lastErrorAt\n      importedToday\n      failedCount\n    }\n  }\n": typeof types.MailboxFieldsFragmentDoc,
    "\n  fragment FailedMailFields on FailedMail {\n    id\n    mailboxId\n    subject\n    from\n    reason\n    size\n    receivedAt\n    retriedAt\n    rawUrl\n  }\n": typeof types.FailedMailFieldsFragmentDoc,
    "\n  mutation MailboxCreate($input: MailboxCreateInput!) {\n    mailboxCreate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": typeof types.MailboxCreateDocument,
    "\n  mutation MailboxUpdate($input: MailboxUpdateInput!) {\n    mailboxUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": typeof types.MailboxUpdateDocument,
    "\n  mutation MailboxDelete($id: ID!) {\n    mailboxDelete(id: $id)\n  }\n": typeof types.MailboxDeleteDocument,
    "\n  mutation MailboxTest($input: MailboxTestInput!) {\n    mailboxTest(input: $input) {\n      ok\n      stage\n      message\n      idle\n      messages\n    }\n  }\n": typeof types.MailboxTestDocument,
    "\n  mutation MailboxRefresh($id: ID!) {\n    mailboxRefresh(id: $id)\n  }\n": typeof types.MailboxRefreshDocument,
    "\n  mutation FailedMailRetry($id: ID!) {\n    failedMailRetry(id: $id) {\n      imported\n      reason\n      ticketId\n    }\n  }\n": typeof types.FailedMailRetryDocument,
    "\n  mutation MailboxSendingUpdate($input: MailboxSendingUpdateInput!) {\n    mailboxSendingUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": typeof types.MailboxSendingUpdateDocument,
    "\n  mutation MailboxTestSending($input: MailboxSendingTestInput!) {\n    mailboxTestSending(input: $input) {\n      ok\n      stage\n      message\n    }\n  }\n": typeof types.MailboxTestSendingDocument,
    "\n  query Mailboxes {\n    mailboxes {\n      ...MailboxFields\n    }\n  }\n": typeof types.MailboxesDocument,
    "\n  query FailedMails($mailboxId: ID, $first: Int!) {\n    failedMails(mailboxId: $mailboxId, first: $first) {\n      ...FailedMailFields\n    }\n  }\n": typeof types.FailedMailsDocument,
    "\n  subscription MailboxChanged {\n    mailboxChanged {\n      mailboxId\n    }\n  }\n": typeof types.MailboxChangedDocument,
    "\n  mutation ContactPortalRights($contactId: ID!, $seesCustomerTickets: Boolean!) {\n    contactPortalRights(contactId: $contactId, seesCustomerTickets: $seesCustomerTickets) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n": typeof types.ContactPortalRightsDocument,
    "\n  mutation ContactPortalInvite($contactId: ID!) {\n    contactPortalInvite(contactId: $contactId) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n": typeof types.ContactPortalInviteDocument,
    "\n  mutation ContactPortalViewAs($contactId: ID!) {\n    contactPortalViewAs(contactId: $contactId)\n  }\n": typeof types.ContactPortalViewAsDocument,
    "\n  query RatingReport($days: Int!) {\n    ratingReport(days: $days) {\n      departments {\n        id\n        name\n        good\n        bad\n      }\n      agents {\n        id\n        name\n        good\n        bad\n      }\n      weeks {\n        weekStart\n        good\n        bad\n      }\n    }\n  }\n": typeof types.RatingReportDocument,
    "\n  fragment PortalMeFields on PortalMe {\n    contactId\n    name\n    email\n    customerName\n    helpdeskName\n    seesCustomerTickets\n    onlyTicketNumber\n    readOnly\n  }\n": typeof types.PortalMeFieldsFragmentDoc,
    "\n  fragment PortalTicketFields on PortalTicket {\n    id\n    number\n    subject\n    statusCategory\n    statusLabelDe\n    statusLabelEn\n    priority\n    departmentName\n    createdAt\n    lastActivityAt\n    customerNote\n    expectedDate\n    estimatedMinutes\n    minutesSpent\n    openedByName\n    isOwn\n    canRate\n    rating {\n      good\n      comment\n    }\n  }\n": typeof types.PortalTicketFieldsFragmentDoc,
    "\n  query PortalMe {\n    portalMe {\n      ...PortalMeFields\n    }\n  }\n": typeof types.PortalMeDocument,
    "\n  mutation PortalLogin($email: String!, $password: String!) {\n    portalLogin(email: $email, password: $password) {\n      ...PortalMeFields\n    }\n  }\n": typeof types.PortalLoginDocument,
    "\n  mutation PortalLogout {\n    portalLogout\n  }\n": typeof types.PortalLogoutDocument,
    "\n  mutation PortalMagicLinkRequest($email: String!) {\n    portalMagicLinkRequest(email: $email)\n  }\n": typeof types.PortalMagicLinkRequestDocument,
    "\n  mutation PortalMagicLinkSignIn($token: String!) {\n    portalMagicLinkSignIn(token: $token) {\n      ...PortalMeFields\n    }\n  }\n": typeof types.PortalMagicLinkSignInDocument,
    "\n  mutation PortalPasswordResetRequest($email: String!) {\n    portalPasswordResetRequest(email: $email)\n  }\n": typeof types.PortalPasswordResetRequestDocument,
    "\n  mutation PortalPasswordReset($token: String!, $password: String!) {\n    portalPasswordReset(token: $token, password: $password) {\n      ...PortalMeFields\n    }\n  }\n": typeof types.PortalPasswordResetDocument,
    "\n  mutation PortalTicketLinkOpen($token: String!) {\n    portalTicketLinkOpen(token: $token) {\n      ticketNumber\n      me {\n        ...PortalMeFields\n      }\n    }\n  }\n": typeof types.PortalTicketLinkOpenDocument,
    "\n  query PortalTickets($filter: PortalTicketFilter, $first: Int!, $after: String) {\n    portalTickets(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...PortalTicketFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.PortalTicketsDocument,
    "\n  query PortalTicket($number: Int!) {\n    portalTicket(number: $number) {\n      ...PortalTicketFields\n    }\n  }\n": typeof types.PortalTicketDocument,
    "\n  query PortalTicketMessages($ticketId: ID!) {\n    portalTicketMessages(ticketId: $ticketId) {\n      id\n      fromCustomer\n      authorName\n      bodyText\n      bodyHtml\n      createdAt\n      attachments {\n        id\n        filename\n        contentType\n        size\n      }\n    }\n  }\n": typeof types.PortalTicketMessagesDocument,
    "\n  query PortalDepartments {\n    portalDepartments {\n      id\n      name\n      allowsPriority\n    }\n  }\n": typeof types.PortalDepartmentsDocument,
    "\n  mutation PortalTicketCreate($input: PortalTicketCreateInput!) {\n    portalTicketCreate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n": typeof types.PortalTicketCreateDocument,
    "\n  mutation PortalTicketReply($input: PortalTicketReplyInput!) {\n    portalTicketReply(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalTicketReplyDocument,
    "\n  mutation PortalTicketClose($ticketId: ID!) {\n    portalTicketClose(ticketId: $ticketId) {\n      ...PortalTicketFields\n    }\n  }\n": typeof types.PortalTicketCloseDocument,
    "\n  mutation PortalTicketRate($input: PortalTicketRateInput!) {\n    portalTicketRate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n": typeof types.PortalTicketRateDocument,
    "\n  subscription PortalTicketChanged {\n    portalTicketChanged {\n      ticketId\n    }\n  }\n": typeof types.PortalTicketChangedDocument,
    "\n  mutation TicketReply($input: TicketReplyInput!) {\n    ticketReply(input: $input) {\n      ...MessageFields\n    }\n  }\n": typeof types.TicketReplyDocument,
    "\n  mutation MessageResend($id: ID!) {\n    messageResend(id: $id) {\n      ...MessageFields\n    }\n  }\n": typeof types.MessageResendDocument,
    "\n  mutation SignatureUpdate($input: SignatureUpdateInput!) {\n    signatureUpdate(input: $input)\n  }\n": typeof types.SignatureUpdateDocument,
    "\n  query ReplyDefaults($ticketId: ID!) {\n    replyDefaults(ticketId: $ticketId) {\n      canSend\n      reason\n      from\n      subject\n      to\n      cc\n      statusAfter\n    }\n  }\n": typeof types.ReplyDefaultsDocument,
    "\n  query MySignature {\n    mySignature\n  }\n": typeof types.MySignatureDocument,
    "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n": typeof types.PasswordChangeDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n": typeof types.StaffFieldsFragmentDoc,
    "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffCreateDocument,
    "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffUpdateDocument,
    "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffListDocument,
    "\n  fragment TicketStatusFields on TicketStatus {\n    id\n    key\n    category\n    labelDe\n    labelEn\n    isSystem\n    position\n  }\n": typeof types.TicketStatusFieldsFragmentDoc,
    "\n  fragment TicketListFields on Ticket {\n    id\n    number\n    subject\n    priority\n    channel\n    status {\n      id\n      key\n      category\n      labelDe\n      labelEn\n    }\n    department {\n      id\n      name\n      isPrivate\n    }\n    customer {\n      id\n      number\n      name\n    }\n    handler {\n      id\n      name\n    }\n    watchedByMe\n    unread\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n": typeof types.TicketListFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    ticketId\n    kind\n    author {\n      id\n      name\n    }\n    authorName\n    from\n    to\n    cc\n    text\n    html\n    quotedText\n    automaticReason\n    noAutoReply\n    bouncedRecipients\n    hasRemoteImages\n    subject\n    bcc\n    sendStatus\n    sendError\n    sendAttempts\n    sentAt\n    autoGenerated\n    createdAt\n    attachments {\n      id\n      filename\n      contentType\n      size\n      url\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment TicketHistoryFields on TicketHistoryEntry {\n    id\n    at\n    actor {\n      id\n      name\n    }\n    actorLabel\n    field\n    oldValue\n    newValue\n  }\n": typeof types.TicketHistoryFieldsFragmentDoc,
    "\n  fragment TicketDetailFields on Ticket {\n    customer {\n      id\n      number\n      name\n      isCompany\n      contacts {\n        id\n        name\n        email\n      }\n    }\n    contact {\n      id\n      name\n      email\n      seesCustomerTickets\n      hasPortalLogin\n    }\n    rating {\n      good\n      comment\n      ratedAt\n    }\n    customers {\n      id\n      number\n      name\n      isCompany\n    }\n    watchers {\n      id\n      name\n    }\n    customerNote\n    internalNote\n    expectedDate\n    estimatedMinutes\n    processingStart\n    processingEnd\n    timeTrackingAllowed\n    mergedInto {\n      id\n      number\n      subject\n    }\n    lastCustomerActivityAt\n    lastAgentActivityAt\n    version\n    policy {\n      update\n      move\n      merge\n      close\n      note\n    }\n  }\n": typeof types.TicketDetailFieldsFragmentDoc,
    "\n  mutation TicketCreate($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ...TicketListFields\n    }\n  }\n": typeof types.TicketCreateDocument,
    "\n  mutation TicketUpdate($input: TicketUpdateInput!) {\n    ticketUpdate(input: $input) {\n      ...TicketListFields\n      version\n    }\n  }\n": typeof types.TicketUpdateDocument,
    "\n  mutation TicketMove($input: TicketMoveInput!) {\n    ticketMove(input: $input) {\n      ...TicketListFields\n    }\n  }\n": typeof types.TicketMoveDocument,
    "\n  mutation TicketMerge($input: TicketMergeInput!) {\n    ticketMerge(input: $input) {\n      ...TicketListFields\n    }\n  }\n": typeof types.TicketMergeDocument,
    "\n  mutation TicketClose($id: ID!) {\n    ticketClose(id: $id) {\n      ...TicketListFields\n    }\n  }\n": typeof types.TicketCloseDocument,
    "\n  mutation TicketReopen($id: ID!) {\n    ticketReopen(id: $id) {\n      ...TicketListFields\n    }\n  }\n": typeof types.TicketReopenDocument,
    "\n  mutation TicketMarkRead($id: ID!) {\n    ticketMarkRead(id: $id) {\n      id\n      unread\n    }\n  }\n": typeof types.TicketMarkReadDocument,
    "\n  mutation TicketNoteAdd($input: TicketNoteAddInput!) {\n    ticketNoteAdd(input: $input) {\n      ...MessageFields\n    }\n  }\n": typeof types.TicketNoteAddDocument,
    "\n  mutation TicketPresenceSet($input: TicketPresenceSetInput!) {\n    ticketPresenceSet(input: $input)\n  }\n": typeof types.TicketPresenceSetDocument,
    "\n  query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountExact\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        snippet\n        node {\n          ...TicketListFields\n        }\n      }\n    }\n  }\n": typeof types.TicketsDocument,
    "\n  query TicketByNumber($number: Int!) {\n    ticketByNumber(number: $number) {\n      ...TicketListFields\n      ...TicketDetailFields\n      messages {\n        ...MessageFields\n      }\n      history {\n        ...TicketHistoryFields\n      }\n    }\n  }\n": typeof types.TicketByNumberDocument,
    "\n  query TicketLookup($number: Int!) {\n    ticketByNumber(number: $number) {\n      id\n      number\n      subject\n    }\n  }\n": typeof types.TicketLookupDocument,
    "\n  query TicketCounts {\n    ticketCounts {\n      departmentId\n      statusId\n      count\n    }\n  }\n": typeof types.TicketCountsDocument,
    "\n  query TicketStatuses {\n    ticketStatuses {\n      ...TicketStatusFields\n    }\n  }\n": typeof types.TicketStatusesDocument,
    "\n  query TicketHandlers {\n    ticketHandlers {\n      id\n      name\n    }\n  }\n": typeof types.TicketHandlersDocument,
    "\n  subscription TicketChanged {\n    ticketChanged {\n      kind\n      ticketId\n    }\n  }\n": typeof types.TicketChangedDocument,
    "\n  subscription MessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) {\n      ticketId\n      message {\n        id\n        kind\n      }\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      entries {\n        state\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TicketPresenceDocument,
    "\n  subscription InboundMail {\n    inboundMail {\n      createdTicket\n      ticket {\n        id\n        number\n        subject\n      }\n      message {\n        id\n        from\n      }\n    }\n  }\n": typeof types.InboundMailDocument,
    "\n  fragment TimeEntryFields on TimeEntry {\n    id\n    ticketId\n    userId\n    minutes\n    date\n    note\n    billed\n    quoteId\n    version\n    createdAt\n  }\n": typeof types.TimeEntryFieldsFragmentDoc,
    "\n  fragment TimerFields on Timer {\n    ticketId\n    ticketNumber\n    ticketSubject\n    userId\n    userName\n    startedAt\n    elapsedSeconds\n  }\n": typeof types.TimerFieldsFragmentDoc,
    "\n  fragment QuoteSummaryFields on Quote {\n    id\n    number\n    customerId\n    customerName\n    status\n    currency\n    totalCents\n    csvUrl\n    version\n    createdAt\n  }\n": typeof types.QuoteSummaryFieldsFragmentDoc,
    "\n  fragment QuoteLineFields on QuoteLine {\n    ticketId\n    ticketNumber\n    ticketSubject\n    groupName\n    minutes\n    hours\n    rateCents\n    amountCents\n  }\n": typeof types.QuoteLineFieldsFragmentDoc,
    "\n  fragment UnbilledTicketFields on Ticket {\n    id\n    number\n    subject\n    customer {\n      id\n      number\n      name\n    }\n    timeMinutes\n    unbilledMinutes\n  }\n": typeof types.UnbilledTicketFieldsFragmentDoc,
    "\n  mutation TimeEntryCreate($input: TimeEntryCreateInput!) {\n    timeEntryCreate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n": typeof types.TimeEntryCreateDocument,
    "\n  mutation TimeEntryUpdate($input: TimeEntryUpdateInput!) {\n    timeEntryUpdate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n": typeof types.TimeEntryUpdateDocument,
    "\n  mutation TimeEntryDelete($id: ID!) {\n    timeEntryDelete(id: $id)\n  }\n": typeof types.TimeEntryDeleteDocument,
    "\n  mutation TimerStart($ticketId: ID!) {\n    timerStart(ticketId: $ticketId) {\n      ...TimerFields\n    }\n  }\n": typeof types.TimerStartDocument,
    "\n  mutation TimerStop($ticketId: ID!) {\n    timerStop(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n  }\n": typeof types.TimerStopDocument,
    "\n  mutation TimeBill($ticketIds: [ID!]!) {\n    timeBill(ticketIds: $ticketIds) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": typeof types.TimeBillDocument,
    "\n  mutation QuoteUpdateStatus($input: QuoteStatusUpdateInput!) {\n    quoteUpdateStatus(input: $input) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": typeof types.QuoteUpdateStatusDocument,
    "\n  query TicketTime($ticketId: ID!) {\n    timeEntries(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n    ticket(id: $ticketId) {\n      id\n      timeMinutes\n      unbilledMinutes\n    }\n  }\n": typeof types.TicketTimeDocument,
    "\n  query Timers {\n    timers {\n      ...TimerFields\n    }\n  }\n": typeof types.TimersDocument,
    "\n  query UnbilledTickets($first: Int!) {\n    tickets(filter: { unbilledTime: true }, orderBy: { field: NUMBER, direction: ASC }, first: $first) {\n      totalCount\n      totalCountExact\n      edges {\n        node {\n          ...UnbilledTicketFields\n        }\n      }\n    }\n  }\n": typeof types.UnbilledTicketsDocument,
    "\n  query Quotes($filter: QuoteFilterInput) {\n    quotes(filter: $filter) {\n      ...QuoteSummaryFields\n    }\n  }\n": typeof types.QuotesDocument,
    "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": typeof types.QuoteDocument,
    "\n  subscription TimerTick($ticketId: ID!) {\n    timerTick(ticketId: $ticketId) {\n      kind\n      ticketId\n      userId\n      userName\n      startedAt\n      elapsedSeconds\n    }\n  }\n": typeof types.TimerTickDocument,
    "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n": typeof types.UserGroupFieldsFragmentDoc,
    "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupCreateDocument,
    "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupUpdateDocument,
    "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupsDocument,
    "\n  fragment WidgetFields on Widget {\n    id\n    key\n    name\n    departmentId\n    enabled\n    available\n    allowedOrigins\n    primaryColor\n    primaryTextColor\n    texts {\n      language\n      title\n      intro\n      thanks\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.WidgetFieldsFragmentDoc,
    "\n  mutation WidgetCreate($input: WidgetCreateInput!) {\n    widgetCreate(input: $input) {\n      ...WidgetFields\n    }\n  }\n": typeof types.WidgetCreateDocument,
    "\n  mutation WidgetUpdate($input: WidgetUpdateInput!) {\n    widgetUpdate(input: $input) {\n      ...WidgetFields\n    }\n  }\n": typeof types.WidgetUpdateDocument,
    "\n  mutation WidgetDelete($id: ID!) {\n    widgetDelete(id: $id)\n  }\n": typeof types.WidgetDeleteDocument,
    "\n  query Widgets {\n    widgets {\n      ...WidgetFields\n    }\n  }\n": typeof types.WidgetsDocument,
};
const documents: Documents = {
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment CannedReplyFields on CannedReply {\n    id\n    departmentId\n    category\n    title\n    body\n    version\n  }\n": types.CannedReplyFieldsFragmentDoc,
    "\n  mutation CannedReplyCreate($input: CannedReplyCreateInput!) {\n    cannedReplyCreate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n": types.CannedReplyCreateDocument,
    "\n  mutation CannedReplyUpdate($input: CannedReplyUpdateInput!) {\n    cannedReplyUpdate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n": types.CannedReplyUpdateDocument,
    "\n  mutation CannedReplyDelete($id: ID!) {\n    cannedReplyDelete(id: $id)\n  }\n": types.CannedReplyDeleteDocument,
    "\n  query CannedReplies($filter: CannedReplyFilterInput) {\n    cannedReplies(filter: $filter) {\n      ...CannedReplyFields\n    }\n  }\n": types.CannedRepliesDocument,
    "\n  query CannedReplyRender($id: ID!, $ticketId: ID!) {\n    cannedReplyRender(id: $id, ticketId: $ticketId)\n  }\n": types.CannedReplyRenderDocument,
    "\n  fragment CustomerFields on Customer {\n    id\n    number\n    name\n    isCompany\n    contacts {\n      id\n      name\n      email\n    }\n  }\n": types.CustomerFieldsFragmentDoc,
    "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      ...CustomerFields\n    }\n  }\n": types.CustomerCreateDocument,
    "\n  query Customers($search: String, $first: Int) {\n    customers(search: $search, first: $first) {\n      ...CustomerFields\n    }\n  }\n": types.CustomersDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    portalPriority\n    ratingMailEnabled\n    createdAt\n    updatedAt\n  }\n": types.DepartmentFieldsFragmentDoc,
    "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentCreateDocument,
    "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentUpdateDocument,
    "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n": types.DepartmentDeleteDocument,
    "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentsDocument,
    "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n": types.DepartmentChangedDocument,
    "\n  fragment MailboxFields on Mailbox {\n    id\n    address\n    senderName\n    departmentId\n    enabled\n    host\n    port\n    security\n    user\n    folder\n    allowInvalidCertificate\n    afterImport\n    afterImportFolder\n    version\n    sending {\n      enabled\n      transport\n      host\n      port\n      security\n      user\n      allowInvalidCertificate\n      autoReplyEnabled\n      autoReplySubject\n      autoReplyText\n    }\n    signature\n    state {\n      connection\n      lastImportAt\n      lastError\n      lastErrorAt\n      importedToday\n      failedCount\n    }\n  }\n": types.MailboxFieldsFragmentDoc,
    "\n  fragment FailedMailFields on FailedMail {\n    id\n    mailboxId\n    subject\n    from\n    reason\n    size\n    receivedAt\n    retriedAt\n    rawUrl\n  }\n": types.FailedMailFieldsFragmentDoc,
    "\n  mutation MailboxCreate($input: MailboxCreateInput!) {\n    mailboxCreate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": types.MailboxCreateDocument,
    "\n  mutation MailboxUpdate($input: MailboxUpdateInput!) {\n    mailboxUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": types.MailboxUpdateDocument,
    "\n  mutation MailboxDelete($id: ID!) {\n    mailboxDelete(id: $id)\n  }\n": types.MailboxDeleteDocument,
    "\n  mutation MailboxTest($input: MailboxTestInput!) {\n    mailboxTest(input: $input) {\n      ok\n      stage\n      message\n      idle\n      messages\n    }\n  }\n": types.MailboxTestDocument,
    "\n  mutation MailboxRefresh($id: ID!) {\n    mailboxRefresh(id: $id)\n  }\n": types.MailboxRefreshDocument,
    "\n  mutation FailedMailRetry($id: ID!) {\n    failedMailRetry(id: $id) {\n      imported\n      reason\n      ticketId\n    }\n  }\n": types.FailedMailRetryDocument,
    "\n  mutation MailboxSendingUpdate($input: MailboxSendingUpdateInput!) {\n    mailboxSendingUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n": types.MailboxSendingUpdateDocument,
    "\n  mutation MailboxTestSending($input: MailboxSendingTestInput!) {\n    mailboxTestSending(input: $input) {\n      ok\n      stage\n      message\n    }\n  }\n": types.MailboxTestSendingDocument,
    "\n  query Mailboxes {\n    mailboxes {\n      ...MailboxFields\n    }\n  }\n": types.MailboxesDocument,
    "\n  query FailedMails($mailboxId: ID, $first: Int!) {\n    failedMails(mailboxId: $mailboxId, first: $first) {\n      ...FailedMailFields\n    }\n  }\n": types.FailedMailsDocument,
    "\n  subscription MailboxChanged {\n    mailboxChanged {\n      mailboxId\n    }\n  }\n": types.MailboxChangedDocument,
    "\n  mutation ContactPortalRights($contactId: ID!, $seesCustomerTickets: Boolean!) {\n    contactPortalRights(contactId: $contactId, seesCustomerTickets: $seesCustomerTickets) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n": types.ContactPortalRightsDocument,
    "\n  mutation ContactPortalInvite($contactId: ID!) {\n    contactPortalInvite(contactId: $contactId) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n": types.ContactPortalInviteDocument,
    "\n  mutation ContactPortalViewAs($contactId: ID!) {\n    contactPortalViewAs(contactId: $contactId)\n  }\n": types.ContactPortalViewAsDocument,
    "\n  query RatingReport($days: Int!) {\n    ratingReport(days: $days) {\n      departments {\n        id\n        name\n        good\n        bad\n      }\n      agents {\n        id\n        name\n        good\n        bad\n      }\n      weeks {\n        weekStart\n        good\n        bad\n      }\n    }\n  }\n": types.RatingReportDocument,
    "\n  fragment PortalMeFields on PortalMe {\n    contactId\n    name\n    email\n    customerName\n    helpdeskName\n    seesCustomerTickets\n    onlyTicketNumber\n    readOnly\n  }\n": types.PortalMeFieldsFragmentDoc,
    "\n  fragment PortalTicketFields on PortalTicket {\n    id\n    number\n    subject\n    statusCategory\n    statusLabelDe\n    statusLabelEn\n    priority\n    departmentName\n    createdAt\n    lastActivityAt\n    customerNote\n    expectedDate\n    estimatedMinutes\n    minutesSpent\n    openedByName\n    isOwn\n    canRate\n    rating {\n      good\n      comment\n    }\n  }\n": types.PortalTicketFieldsFragmentDoc,
    "\n  query PortalMe {\n    portalMe {\n      ...PortalMeFields\n    }\n  }\n": types.PortalMeDocument,
    "\n  mutation PortalLogin($email: String!, $password: String!) {\n    portalLogin(email: $email, password: $password) {\n      ...PortalMeFields\n    }\n  }\n": types.PortalLoginDocument,
    "\n  mutation PortalLogout {\n    portalLogout\n  }\n": types.PortalLogoutDocument,
    "\n  mutation PortalMagicLinkRequest($email: String!) {\n    portalMagicLinkRequest(email: $email)\n  }\n": types.PortalMagicLinkRequestDocument,
    "\n  mutation PortalMagicLinkSignIn($token: String!) {\n    portalMagicLinkSignIn(token: $token) {\n      ...PortalMeFields\n    }\n  }\n": types.PortalMagicLinkSignInDocument,
    "\n  mutation PortalPasswordResetRequest($email: String!) {\n    portalPasswordResetRequest(email: $email)\n  }\n": types.PortalPasswordResetRequestDocument,
    "\n  mutation PortalPasswordReset($token: String!, $password: String!) {\n    portalPasswordReset(token: $token, password: $password) {\n      ...PortalMeFields\n    }\n  }\n": types.PortalPasswordResetDocument,
    "\n  mutation PortalTicketLinkOpen($token: String!) {\n    portalTicketLinkOpen(token: $token) {\n      ticketNumber\n      me {\n        ...PortalMeFields\n      }\n    }\n  }\n": types.PortalTicketLinkOpenDocument,
    "\n  query PortalTickets($filter: PortalTicketFilter, $first: Int!, $after: String) {\n    portalTickets(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...PortalTicketFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n": types.PortalTicketsDocument,
    "\n  query PortalTicket($number: Int!) {\n    portalTicket(number: $number) {\n      ...PortalTicketFields\n    }\n  }\n": types.PortalTicketDocument,
    "\n  query PortalTicketMessages($ticketId: ID!) {\n    portalTicketMessages(ticketId: $ticketId) {\n      id\n      fromCustomer\n      authorName\n      bodyText\n      bodyHtml\n      createdAt\n      attachments {\n        id\n        filename\n        contentType\n        size\n      }\n    }\n  }\n": types.PortalTicketMessagesDocument,
    "\n  query PortalDepartments {\n    portalDepartments {\n      id\n      name\n      allowsPriority\n    }\n  }\n": types.PortalDepartmentsDocument,
    "\n  mutation PortalTicketCreate($input: PortalTicketCreateInput!) {\n    portalTicketCreate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n": types.PortalTicketCreateDocument,
    "\n  mutation PortalTicketReply($input: PortalTicketReplyInput!) {\n    portalTicketReply(input: $input) {\n      id\n    }\n  }\n": types.PortalTicketReplyDocument,
    "\n  mutation PortalTicketClose($ticketId: ID!) {\n    portalTicketClose(ticketId: $ticketId) {\n      ...PortalTicketFields\n    }\n  }\n": types.PortalTicketCloseDocument,
    "\n  mutation PortalTicketRate($input: PortalTicketRateInput!) {\n    portalTicketRate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n": types.PortalTicketRateDocument,
    "\n  subscription PortalTicketChanged {\n    portalTicketChanged {\n      ticketId\n    }\n  }\n": types.PortalTicketChangedDocument,
    "\n  mutation TicketReply($input: TicketReplyInput!) {\n    ticketReply(input: $input) {\n      ...MessageFields\n    }\n  }\n": types.TicketReplyDocument,
    "\n  mutation MessageResend($id: ID!) {\n    messageResend(id: $id) {\n      ...MessageFields\n    }\n  }\n": types.MessageResendDocument,
    "\n  mutation SignatureUpdate($input: SignatureUpdateInput!) {\n    signatureUpdate(input: $input)\n  }\n": types.SignatureUpdateDocument,
    "\n  query ReplyDefaults($ticketId: ID!) {\n    replyDefaults(ticketId: $ticketId) {\n      canSend\n      reason\n      from\n      subject\n      to\n      cc\n      statusAfter\n    }\n  }\n": types.ReplyDefaultsDocument,
    "\n  query MySignature {\n    mySignature\n  }\n": types.MySignatureDocument,
    "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n": types.PasswordChangeDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n": types.StaffFieldsFragmentDoc,
    "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n": types.StaffCreateDocument,
    "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n": types.StaffUpdateDocument,
    "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n": types.StaffListDocument,
    "\n  fragment TicketStatusFields on TicketStatus {\n    id\n    key\n    category\n    labelDe\n    labelEn\n    isSystem\n    position\n  }\n": types.TicketStatusFieldsFragmentDoc,
    "\n  fragment TicketListFields on Ticket {\n    id\n    number\n    subject\n    priority\n    channel\n    status {\n      id\n      key\n      category\n      labelDe\n      labelEn\n    }\n    department {\n      id\n      name\n      isPrivate\n    }\n    customer {\n      id\n      number\n      name\n    }\n    handler {\n      id\n      name\n    }\n    watchedByMe\n    unread\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n": types.TicketListFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    ticketId\n    kind\n    author {\n      id\n      name\n    }\n    authorName\n    from\n    to\n    cc\n    text\n    html\n    quotedText\n    automaticReason\n    noAutoReply\n    bouncedRecipients\n    hasRemoteImages\n    subject\n    bcc\n    sendStatus\n    sendError\n    sendAttempts\n    sentAt\n    autoGenerated\n    createdAt\n    attachments {\n      id\n      filename\n      contentType\n      size\n      url\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment TicketHistoryFields on TicketHistoryEntry {\n    id\n    at\n    actor {\n      id\n      name\n    }\n    actorLabel\n    field\n    oldValue\n    newValue\n  }\n": types.TicketHistoryFieldsFragmentDoc,
    "\n  fragment TicketDetailFields on Ticket {\n    customer {\n      id\n      number\n      name\n      isCompany\n      contacts {\n        id\n        name\n        email\n      }\n    }\n    contact {\n      id\n      name\n      email\n      seesCustomerTickets\n      hasPortalLogin\n    }\n    rating {\n      good\n      comment\n      ratedAt\n    }\n    customers {\n      id\n      number\n      name\n      isCompany\n    }\n    watchers {\n      id\n      name\n    }\n    customerNote\n    internalNote\n    expectedDate\n    estimatedMinutes\n    processingStart\n    processingEnd\n    timeTrackingAllowed\n    mergedInto {\n      id\n      number\n      subject\n    }\n    lastCustomerActivityAt\n    lastAgentActivityAt\n    version\n    policy {\n      update\n      move\n      merge\n      close\n      note\n    }\n  }\n": types.TicketDetailFieldsFragmentDoc,
    "\n  mutation TicketCreate($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ...TicketListFields\n    }\n  }\n": types.TicketCreateDocument,
    "\n  mutation TicketUpdate($input: TicketUpdateInput!) {\n    ticketUpdate(input: $input) {\n      ...TicketListFields\n      version\n    }\n  }\n": types.TicketUpdateDocument,
    "\n  mutation TicketMove($input: TicketMoveInput!) {\n    ticketMove(input: $input) {\n      ...TicketListFields\n    }\n  }\n": types.TicketMoveDocument,
    "\n  mutation TicketMerge($input: TicketMergeInput!) {\n    ticketMerge(input: $input) {\n      ...TicketListFields\n    }\n  }\n": types.TicketMergeDocument,
    "\n  mutation TicketClose($id: ID!) {\n    ticketClose(id: $id) {\n      ...TicketListFields\n    }\n  }\n": types.TicketCloseDocument,
    "\n  mutation TicketReopen($id: ID!) {\n    ticketReopen(id: $id) {\n      ...TicketListFields\n    }\n  }\n": types.TicketReopenDocument,
    "\n  mutation TicketMarkRead($id: ID!) {\n    ticketMarkRead(id: $id) {\n      id\n      unread\n    }\n  }\n": types.TicketMarkReadDocument,
    "\n  mutation TicketNoteAdd($input: TicketNoteAddInput!) {\n    ticketNoteAdd(input: $input) {\n      ...MessageFields\n    }\n  }\n": types.TicketNoteAddDocument,
    "\n  mutation TicketPresenceSet($input: TicketPresenceSetInput!) {\n    ticketPresenceSet(input: $input)\n  }\n": types.TicketPresenceSetDocument,
    "\n  query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountExact\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        snippet\n        node {\n          ...TicketListFields\n        }\n      }\n    }\n  }\n": types.TicketsDocument,
    "\n  query TicketByNumber($number: Int!) {\n    ticketByNumber(number: $number) {\n      ...TicketListFields\n      ...TicketDetailFields\n      messages {\n        ...MessageFields\n      }\n      history {\n        ...TicketHistoryFields\n      }\n    }\n  }\n": types.TicketByNumberDocument,
    "\n  query TicketLookup($number: Int!) {\n    ticketByNumber(number: $number) {\n      id\n      number\n      subject\n    }\n  }\n": types.TicketLookupDocument,
    "\n  query TicketCounts {\n    ticketCounts {\n      departmentId\n      statusId\n      count\n    }\n  }\n": types.TicketCountsDocument,
    "\n  query TicketStatuses {\n    ticketStatuses {\n      ...TicketStatusFields\n    }\n  }\n": types.TicketStatusesDocument,
    "\n  query TicketHandlers {\n    ticketHandlers {\n      id\n      name\n    }\n  }\n": types.TicketHandlersDocument,
    "\n  subscription TicketChanged {\n    ticketChanged {\n      kind\n      ticketId\n    }\n  }\n": types.TicketChangedDocument,
    "\n  subscription MessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) {\n      ticketId\n      message {\n        id\n        kind\n      }\n    }\n  }\n": types.MessageAddedDocument,
    "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      entries {\n        state\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TicketPresenceDocument,
    "\n  subscription InboundMail {\n    inboundMail {\n      createdTicket\n      ticket {\n        id\n        number\n        subject\n      }\n      message {\n        id\n        from\n      }\n    }\n  }\n": types.InboundMailDocument,
    "\n  fragment TimeEntryFields on TimeEntry {\n    id\n    ticketId\n    userId\n    minutes\n    date\n    note\n    billed\n    quoteId\n    version\n    createdAt\n  }\n": types.TimeEntryFieldsFragmentDoc,
    "\n  fragment TimerFields on Timer {\n    ticketId\n    ticketNumber\n    ticketSubject\n    userId\n    userName\n    startedAt\n    elapsedSeconds\n  }\n": types.TimerFieldsFragmentDoc,
    "\n  fragment QuoteSummaryFields on Quote {\n    id\n    number\n    customerId\n    customerName\n    status\n    currency\n    totalCents\n    csvUrl\n    version\n    createdAt\n  }\n": types.QuoteSummaryFieldsFragmentDoc,
    "\n  fragment QuoteLineFields on QuoteLine {\n    ticketId\n    ticketNumber\n    ticketSubject\n    groupName\n    minutes\n    hours\n    rateCents\n    amountCents\n  }\n": types.QuoteLineFieldsFragmentDoc,
    "\n  fragment UnbilledTicketFields on Ticket {\n    id\n    number\n    subject\n    customer {\n      id\n      number\n      name\n    }\n    timeMinutes\n    unbilledMinutes\n  }\n": types.UnbilledTicketFieldsFragmentDoc,
    "\n  mutation TimeEntryCreate($input: TimeEntryCreateInput!) {\n    timeEntryCreate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n": types.TimeEntryCreateDocument,
    "\n  mutation TimeEntryUpdate($input: TimeEntryUpdateInput!) {\n    timeEntryUpdate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n": types.TimeEntryUpdateDocument,
    "\n  mutation TimeEntryDelete($id: ID!) {\n    timeEntryDelete(id: $id)\n  }\n": types.TimeEntryDeleteDocument,
    "\n  mutation TimerStart($ticketId: ID!) {\n    timerStart(ticketId: $ticketId) {\n      ...TimerFields\n    }\n  }\n": types.TimerStartDocument,
    "\n  mutation TimerStop($ticketId: ID!) {\n    timerStop(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n  }\n": types.TimerStopDocument,
    "\n  mutation TimeBill($ticketIds: [ID!]!) {\n    timeBill(ticketIds: $ticketIds) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": types.TimeBillDocument,
    "\n  mutation QuoteUpdateStatus($input: QuoteStatusUpdateInput!) {\n    quoteUpdateStatus(input: $input) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": types.QuoteUpdateStatusDocument,
    "\n  query TicketTime($ticketId: ID!) {\n    timeEntries(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n    ticket(id: $ticketId) {\n      id\n      timeMinutes\n      unbilledMinutes\n    }\n  }\n": types.TicketTimeDocument,
    "\n  query Timers {\n    timers {\n      ...TimerFields\n    }\n  }\n": types.TimersDocument,
    "\n  query UnbilledTickets($first: Int!) {\n    tickets(filter: { unbilledTime: true }, orderBy: { field: NUMBER, direction: ASC }, first: $first) {\n      totalCount\n      totalCountExact\n      edges {\n        node {\n          ...UnbilledTicketFields\n        }\n      }\n    }\n  }\n": types.UnbilledTicketsDocument,
    "\n  query Quotes($filter: QuoteFilterInput) {\n    quotes(filter: $filter) {\n      ...QuoteSummaryFields\n    }\n  }\n": types.QuotesDocument,
    "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n": types.QuoteDocument,
    "\n  subscription TimerTick($ticketId: ID!) {\n    timerTick(ticketId: $ticketId) {\n      kind\n      ticketId\n      userId\n      userName\n      startedAt\n      elapsedSeconds\n    }\n  }\n": types.TimerTickDocument,
    "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n": types.UserGroupFieldsFragmentDoc,
    "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupCreateDocument,
    "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupUpdateDocument,
    "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupsDocument,
    "\n  fragment WidgetFields on Widget {\n    id\n    key\n    name\n    departmentId\n    enabled\n    available\n    allowedOrigins\n    primaryColor\n    primaryTextColor\n    texts {\n      language\n      title\n      intro\n      thanks\n    }\n    createdAt\n    updatedAt\n  }\n": types.WidgetFieldsFragmentDoc,
    "\n  mutation WidgetCreate($input: WidgetCreateInput!) {\n    widgetCreate(input: $input) {\n      ...WidgetFields\n    }\n  }\n": types.WidgetCreateDocument,
    "\n  mutation WidgetUpdate($input: WidgetUpdateInput!) {\n    widgetUpdate(input: $input) {\n      ...WidgetFields\n    }\n  }\n": types.WidgetUpdateDocument,
    "\n  mutation WidgetDelete($id: ID!) {\n    widgetDelete(id: $id)\n  }\n": types.WidgetDeleteDocument,
    "\n  query Widgets {\n    widgets {\n      ...WidgetFields\n    }\n  }\n": types.WidgetsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CannedReplyFields on CannedReply {\n    id\n    departmentId\n    category\n    title\n    body\n    version\n  }\n"): (typeof documents)["\n  fragment CannedReplyFields on CannedReply {\n    id\n    departmentId\n    category\n    title\n    body\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CannedReplyCreate($input: CannedReplyCreateInput!) {\n    cannedReplyCreate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CannedReplyCreate($input: CannedReplyCreateInput!) {\n    cannedReplyCreate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CannedReplyUpdate($input: CannedReplyUpdateInput!) {\n    cannedReplyUpdate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CannedReplyUpdate($input: CannedReplyUpdateInput!) {\n    cannedReplyUpdate(input: $input) {\n      ...CannedReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CannedReplyDelete($id: ID!) {\n    cannedReplyDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation CannedReplyDelete($id: ID!) {\n    cannedReplyDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedReplies($filter: CannedReplyFilterInput) {\n    cannedReplies(filter: $filter) {\n      ...CannedReplyFields\n    }\n  }\n"): (typeof documents)["\n  query CannedReplies($filter: CannedReplyFilterInput) {\n    cannedReplies(filter: $filter) {\n      ...CannedReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedReplyRender($id: ID!, $ticketId: ID!) {\n    cannedReplyRender(id: $id, ticketId: $ticketId)\n  }\n"): (typeof documents)["\n  query CannedReplyRender($id: ID!, $ticketId: ID!) {\n    cannedReplyRender(id: $id, ticketId: $ticketId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerFields on Customer {\n    id\n    number\n    name\n    isCompany\n    contacts {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerFields on Customer {\n    id\n    number\n    name\n    isCompany\n    contacts {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      ...CustomerFields\n    }\n  }\n"): (typeof documents)["\n  mutation CustomerCreate($input: CustomerCreateInput!) {\n    customerCreate(input: $input) {\n      ...CustomerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($search: String, $first: Int) {\n    customers(search: $search, first: $first) {\n      ...CustomerFields\n    }\n  }\n"): (typeof documents)["\n  query Customers($search: String, $first: Int) {\n    customers(search: $search, first: $first) {\n      ...CustomerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    portalPriority\n    ratingMailEnabled\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    portalPriority\n    ratingMailEnabled\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailboxFields on Mailbox {\n    id\n    address\n    senderName\n    departmentId\n    enabled\n    host\n    port\n    security\n    user\n    folder\n    allowInvalidCertificate\n    afterImport\n    afterImportFolder\n    version\n    sending {\n      enabled\n      transport\n      host\n      port\n      security\n      user\n      allowInvalidCertificate\n      autoReplyEnabled\n      autoReplySubject\n      autoReplyText\n    }\n    signature\n    state {\n      connection\n      lastImportAt\n      lastError\n      lastErrorAt\n      importedToday\n      failedCount\n    }\n  }\n"): (typeof documents)["\n  fragment MailboxFields on Mailbox {\n    id\n    address\n    senderName\n    departmentId\n    enabled\n    host\n    port\n    security\n    user\n    folder\n    allowInvalidCertificate\n    afterImport\n    afterImportFolder\n    version\n    sending {\n      enabled\n      transport\n      host\n      port\n      security\n      user\n      allowInvalidCertificate\n      autoReplyEnabled\n      autoReplySubject\n      autoReplyText\n    }\n    signature\n    state {\n      connection\n      lastImportAt\n      lastError\n      lastErrorAt\n      importedToday\n      failedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FailedMailFields on FailedMail {\n    id\n    mailboxId\n    subject\n    from\n    reason\n    size\n    receivedAt\n    retriedAt\n    rawUrl\n  }\n"): (typeof documents)["\n  fragment FailedMailFields on FailedMail {\n    id\n    mailboxId\n    subject\n    from\n    reason\n    size\n    receivedAt\n    retriedAt\n    rawUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxCreate($input: MailboxCreateInput!) {\n    mailboxCreate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"): (typeof documents)["\n  mutation MailboxCreate($input: MailboxCreateInput!) {\n    mailboxCreate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxUpdate($input: MailboxUpdateInput!) {\n    mailboxUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"): (typeof documents)["\n  mutation MailboxUpdate($input: MailboxUpdateInput!) {\n    mailboxUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxDelete($id: ID!) {\n    mailboxDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation MailboxDelete($id: ID!) {\n    mailboxDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxTest($input: MailboxTestInput!) {\n    mailboxTest(input: $input) {\n      ok\n      stage\n      message\n      idle\n      messages\n    }\n  }\n"): (typeof documents)["\n  mutation MailboxTest($input: MailboxTestInput!) {\n    mailboxTest(input: $input) {\n      ok\n      stage\n      message\n      idle\n      messages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxRefresh($id: ID!) {\n    mailboxRefresh(id: $id)\n  }\n"): (typeof documents)["\n  mutation MailboxRefresh($id: ID!) {\n    mailboxRefresh(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailedMailRetry($id: ID!) {\n    failedMailRetry(id: $id) {\n      imported\n      reason\n      ticketId\n    }\n  }\n"): (typeof documents)["\n  mutation FailedMailRetry($id: ID!) {\n    failedMailRetry(id: $id) {\n      imported\n      reason\n      ticketId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxSendingUpdate($input: MailboxSendingUpdateInput!) {\n    mailboxSendingUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"): (typeof documents)["\n  mutation MailboxSendingUpdate($input: MailboxSendingUpdateInput!) {\n    mailboxSendingUpdate(input: $input) {\n      ...MailboxFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MailboxTestSending($input: MailboxSendingTestInput!) {\n    mailboxTestSending(input: $input) {\n      ok\n      stage\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation MailboxTestSending($input: MailboxSendingTestInput!) {\n    mailboxTestSending(input: $input) {\n      ok\n      stage\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mailboxes {\n    mailboxes {\n      ...MailboxFields\n    }\n  }\n"): (typeof documents)["\n  query Mailboxes {\n    mailboxes {\n      ...MailboxFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedMails($mailboxId: ID, $first: Int!) {\n    failedMails(mailboxId: $mailboxId, first: $first) {\n      ...FailedMailFields\n    }\n  }\n"): (typeof documents)["\n  query FailedMails($mailboxId: ID, $first: Int!) {\n    failedMails(mailboxId: $mailboxId, first: $first) {\n      ...FailedMailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MailboxChanged {\n    mailboxChanged {\n      mailboxId\n    }\n  }\n"): (typeof documents)["\n  subscription MailboxChanged {\n    mailboxChanged {\n      mailboxId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactPortalRights($contactId: ID!, $seesCustomerTickets: Boolean!) {\n    contactPortalRights(contactId: $contactId, seesCustomerTickets: $seesCustomerTickets) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n"): (typeof documents)["\n  mutation ContactPortalRights($contactId: ID!, $seesCustomerTickets: Boolean!) {\n    contactPortalRights(contactId: $contactId, seesCustomerTickets: $seesCustomerTickets) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactPortalInvite($contactId: ID!) {\n    contactPortalInvite(contactId: $contactId) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n"): (typeof documents)["\n  mutation ContactPortalInvite($contactId: ID!) {\n    contactPortalInvite(contactId: $contactId) {\n      id\n      seesCustomerTickets\n      hasPortalLogin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactPortalViewAs($contactId: ID!) {\n    contactPortalViewAs(contactId: $contactId)\n  }\n"): (typeof documents)["\n  mutation ContactPortalViewAs($contactId: ID!) {\n    contactPortalViewAs(contactId: $contactId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingReport($days: Int!) {\n    ratingReport(days: $days) {\n      departments {\n        id\n        name\n        good\n        bad\n      }\n      agents {\n        id\n        name\n        good\n        bad\n      }\n      weeks {\n        weekStart\n        good\n        bad\n      }\n    }\n  }\n"): (typeof documents)["\n  query RatingReport($days: Int!) {\n    ratingReport(days: $days) {\n      departments {\n        id\n        name\n        good\n        bad\n      }\n      agents {\n        id\n        name\n        good\n        bad\n      }\n      weeks {\n        weekStart\n        good\n        bad\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalMeFields on PortalMe {\n    contactId\n    name\n    email\n    customerName\n    helpdeskName\n    seesCustomerTickets\n    onlyTicketNumber\n    readOnly\n  }\n"): (typeof documents)["\n  fragment PortalMeFields on PortalMe {\n    contactId\n    name\n    email\n    customerName\n    helpdeskName\n    seesCustomerTickets\n    onlyTicketNumber\n    readOnly\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalTicketFields on PortalTicket {\n    id\n    number\n    subject\n    statusCategory\n    statusLabelDe\n    statusLabelEn\n    priority\n    departmentName\n    createdAt\n    lastActivityAt\n    customerNote\n    expectedDate\n    estimatedMinutes\n    minutesSpent\n    openedByName\n    isOwn\n    canRate\n    rating {\n      good\n      comment\n    }\n  }\n"): (typeof documents)["\n  fragment PortalTicketFields on PortalTicket {\n    id\n    number\n    subject\n    statusCategory\n    statusLabelDe\n    statusLabelEn\n    priority\n    departmentName\n    createdAt\n    lastActivityAt\n    customerNote\n    expectedDate\n    estimatedMinutes\n    minutesSpent\n    openedByName\n    isOwn\n    canRate\n    rating {\n      good\n      comment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMe {\n    portalMe {\n      ...PortalMeFields\n    }\n  }\n"): (typeof documents)["\n  query PortalMe {\n    portalMe {\n      ...PortalMeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalLogin($email: String!, $password: String!) {\n    portalLogin(email: $email, password: $password) {\n      ...PortalMeFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalLogin($email: String!, $password: String!) {\n    portalLogin(email: $email, password: $password) {\n      ...PortalMeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalLogout {\n    portalLogout\n  }\n"): (typeof documents)["\n  mutation PortalLogout {\n    portalLogout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalMagicLinkRequest($email: String!) {\n    portalMagicLinkRequest(email: $email)\n  }\n"): (typeof documents)["\n  mutation PortalMagicLinkRequest($email: String!) {\n    portalMagicLinkRequest(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalMagicLinkSignIn($token: String!) {\n    portalMagicLinkSignIn(token: $token) {\n      ...PortalMeFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalMagicLinkSignIn($token: String!) {\n    portalMagicLinkSignIn(token: $token) {\n      ...PortalMeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalPasswordResetRequest($email: String!) {\n    portalPasswordResetRequest(email: $email)\n  }\n"): (typeof documents)["\n  mutation PortalPasswordResetRequest($email: String!) {\n    portalPasswordResetRequest(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalPasswordReset($token: String!, $password: String!) {\n    portalPasswordReset(token: $token, password: $password) {\n      ...PortalMeFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalPasswordReset($token: String!, $password: String!) {\n    portalPasswordReset(token: $token, password: $password) {\n      ...PortalMeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTicketLinkOpen($token: String!) {\n    portalTicketLinkOpen(token: $token) {\n      ticketNumber\n      me {\n        ...PortalMeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalTicketLinkOpen($token: String!) {\n    portalTicketLinkOpen(token: $token) {\n      ticketNumber\n      me {\n        ...PortalMeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTickets($filter: PortalTicketFilter, $first: Int!, $after: String) {\n    portalTickets(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...PortalTicketFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query PortalTickets($filter: PortalTicketFilter, $first: Int!, $after: String) {\n    portalTickets(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...PortalTicketFields\n      }\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTicket($number: Int!) {\n    portalTicket(number: $number) {\n      ...PortalTicketFields\n    }\n  }\n"): (typeof documents)["\n  query PortalTicket($number: Int!) {\n    portalTicket(number: $number) {\n      ...PortalTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTicketMessages($ticketId: ID!) {\n    portalTicketMessages(ticketId: $ticketId) {\n      id\n      fromCustomer\n      authorName\n      bodyText\n      bodyHtml\n      createdAt\n      attachments {\n        id\n        filename\n        contentType\n        size\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalTicketMessages($ticketId: ID!) {\n    portalTicketMessages(ticketId: $ticketId) {\n      id\n      fromCustomer\n      authorName\n      bodyText\n      bodyHtml\n      createdAt\n      attachments {\n        id\n        filename\n        contentType\n        size\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDepartments {\n    portalDepartments {\n      id\n      name\n      allowsPriority\n    }\n  }\n"): (typeof documents)["\n  query PortalDepartments {\n    portalDepartments {\n      id\n      name\n      allowsPriority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTicketCreate($input: PortalTicketCreateInput!) {\n    portalTicketCreate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalTicketCreate($input: PortalTicketCreateInput!) {\n    portalTicketCreate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTicketReply($input: PortalTicketReplyInput!) {\n    portalTicketReply(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalTicketReply($input: PortalTicketReplyInput!) {\n    portalTicketReply(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTicketClose($ticketId: ID!) {\n    portalTicketClose(ticketId: $ticketId) {\n      ...PortalTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalTicketClose($ticketId: ID!) {\n    portalTicketClose(ticketId: $ticketId) {\n      ...PortalTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTicketRate($input: PortalTicketRateInput!) {\n    portalTicketRate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalTicketRate($input: PortalTicketRateInput!) {\n    portalTicketRate(input: $input) {\n      ...PortalTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalTicketChanged {\n    portalTicketChanged {\n      ticketId\n    }\n  }\n"): (typeof documents)["\n  subscription PortalTicketChanged {\n    portalTicketChanged {\n      ticketId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketReply($input: TicketReplyInput!) {\n    ticketReply(input: $input) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketReply($input: TicketReplyInput!) {\n    ticketReply(input: $input) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageResend($id: ID!) {\n    messageResend(id: $id) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation MessageResend($id: ID!) {\n    messageResend(id: $id) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignatureUpdate($input: SignatureUpdateInput!) {\n    signatureUpdate(input: $input)\n  }\n"): (typeof documents)["\n  mutation SignatureUpdate($input: SignatureUpdateInput!) {\n    signatureUpdate(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplyDefaults($ticketId: ID!) {\n    replyDefaults(ticketId: $ticketId) {\n      canSend\n      reason\n      from\n      subject\n      to\n      cc\n      statusAfter\n    }\n  }\n"): (typeof documents)["\n  query ReplyDefaults($ticketId: ID!) {\n    replyDefaults(ticketId: $ticketId) {\n      canSend\n      reason\n      from\n      subject\n      to\n      cc\n      statusAfter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySignature {\n    mySignature\n  }\n"): (typeof documents)["\n  query MySignature {\n    mySignature\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n"): (typeof documents)["\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketStatusFields on TicketStatus {\n    id\n    key\n    category\n    labelDe\n    labelEn\n    isSystem\n    position\n  }\n"): (typeof documents)["\n  fragment TicketStatusFields on TicketStatus {\n    id\n    key\n    category\n    labelDe\n    labelEn\n    isSystem\n    position\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketListFields on Ticket {\n    id\n    number\n    subject\n    priority\n    channel\n    status {\n      id\n      key\n      category\n      labelDe\n      labelEn\n    }\n    department {\n      id\n      name\n      isPrivate\n    }\n    customer {\n      id\n      number\n      name\n    }\n    handler {\n      id\n      name\n    }\n    watchedByMe\n    unread\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n"): (typeof documents)["\n  fragment TicketListFields on Ticket {\n    id\n    number\n    subject\n    priority\n    channel\n    status {\n      id\n      key\n      category\n      labelDe\n      labelEn\n    }\n    department {\n      id\n      name\n      isPrivate\n    }\n    customer {\n      id\n      number\n      name\n    }\n    handler {\n      id\n      name\n    }\n    watchedByMe\n    unread\n    createdAt\n    updatedAt\n    lastActivityAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    ticketId\n    kind\n    author {\n      id\n      name\n    }\n    authorName\n    from\n    to\n    cc\n    text\n    html\n    quotedText\n    automaticReason\n    noAutoReply\n    bouncedRecipients\n    hasRemoteImages\n    subject\n    bcc\n    sendStatus\n    sendError\n    sendAttempts\n    sentAt\n    autoGenerated\n    createdAt\n    attachments {\n      id\n      filename\n      contentType\n      size\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    ticketId\n    kind\n    author {\n      id\n      name\n    }\n    authorName\n    from\n    to\n    cc\n    text\n    html\n    quotedText\n    automaticReason\n    noAutoReply\n    bouncedRecipients\n    hasRemoteImages\n    subject\n    bcc\n    sendStatus\n    sendError\n    sendAttempts\n    sentAt\n    autoGenerated\n    createdAt\n    attachments {\n      id\n      filename\n      contentType\n      size\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketHistoryFields on TicketHistoryEntry {\n    id\n    at\n    actor {\n      id\n      name\n    }\n    actorLabel\n    field\n    oldValue\n    newValue\n  }\n"): (typeof documents)["\n  fragment TicketHistoryFields on TicketHistoryEntry {\n    id\n    at\n    actor {\n      id\n      name\n    }\n    actorLabel\n    field\n    oldValue\n    newValue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketDetailFields on Ticket {\n    customer {\n      id\n      number\n      name\n      isCompany\n      contacts {\n        id\n        name\n        email\n      }\n    }\n    contact {\n      id\n      name\n      email\n      seesCustomerTickets\n      hasPortalLogin\n    }\n    rating {\n      good\n      comment\n      ratedAt\n    }\n    customers {\n      id\n      number\n      name\n      isCompany\n    }\n    watchers {\n      id\n      name\n    }\n    customerNote\n    internalNote\n    expectedDate\n    estimatedMinutes\n    processingStart\n    processingEnd\n    timeTrackingAllowed\n    mergedInto {\n      id\n      number\n      subject\n    }\n    lastCustomerActivityAt\n    lastAgentActivityAt\n    version\n    policy {\n      update\n      move\n      merge\n      close\n      note\n    }\n  }\n"): (typeof documents)["\n  fragment TicketDetailFields on Ticket {\n    customer {\n      id\n      number\n      name\n      isCompany\n      contacts {\n        id\n        name\n        email\n      }\n    }\n    contact {\n      id\n      name\n      email\n      seesCustomerTickets\n      hasPortalLogin\n    }\n    rating {\n      good\n      comment\n      ratedAt\n    }\n    customers {\n      id\n      number\n      name\n      isCompany\n    }\n    watchers {\n      id\n      name\n    }\n    customerNote\n    internalNote\n    expectedDate\n    estimatedMinutes\n    processingStart\n    processingEnd\n    timeTrackingAllowed\n    mergedInto {\n      id\n      number\n      subject\n    }\n    lastCustomerActivityAt\n    lastAgentActivityAt\n    version\n    policy {\n      update\n      move\n      merge\n      close\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketCreate($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ...TicketListFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketCreate($input: TicketCreateInput!) {\n    ticketCreate(input: $input) {\n      ...TicketListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketUpdate($input: TicketUpdateInput!) {\n    ticketUpdate(input: $input) {\n      ...TicketListFields\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation TicketUpdate($input: TicketUpdateInput!) {\n    ticketUpdate(input: $input) {\n      ...TicketListFields\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketMove($input: TicketMoveInput!) {\n    ticketMove(input: $input) {\n      ...TicketListFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketMove($input: TicketMoveInput!) {\n    ticketMove(input: $input) {\n      ...TicketListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketMerge($input: TicketMergeInput!) {\n    ticketMerge(input: $input) {\n      ...TicketListFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketMerge($input: TicketMergeInput!) {\n    ticketMerge(input: $input) {\n      ...TicketListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketClose($id: ID!) {\n    ticketClose(id: $id) {\n      ...TicketListFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketClose($id: ID!) {\n    ticketClose(id: $id) {\n      ...TicketListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketReopen($id: ID!) {\n    ticketReopen(id: $id) {\n      ...TicketListFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketReopen($id: ID!) {\n    ticketReopen(id: $id) {\n      ...TicketListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketMarkRead($id: ID!) {\n    ticketMarkRead(id: $id) {\n      id\n      unread\n    }\n  }\n"): (typeof documents)["\n  mutation TicketMarkRead($id: ID!) {\n    ticketMarkRead(id: $id) {\n      id\n      unread\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketNoteAdd($input: TicketNoteAddInput!) {\n    ticketNoteAdd(input: $input) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation TicketNoteAdd($input: TicketNoteAddInput!) {\n    ticketNoteAdd(input: $input) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TicketPresenceSet($input: TicketPresenceSetInput!) {\n    ticketPresenceSet(input: $input)\n  }\n"): (typeof documents)["\n  mutation TicketPresenceSet($input: TicketPresenceSetInput!) {\n    ticketPresenceSet(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountExact\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        snippet\n        node {\n          ...TicketListFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountExact\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        snippet\n        node {\n          ...TicketListFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketByNumber($number: Int!) {\n    ticketByNumber(number: $number) {\n      ...TicketListFields\n      ...TicketDetailFields\n      messages {\n        ...MessageFields\n      }\n      history {\n        ...TicketHistoryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketByNumber($number: Int!) {\n    ticketByNumber(number: $number) {\n      ...TicketListFields\n      ...TicketDetailFields\n      messages {\n        ...MessageFields\n      }\n      history {\n        ...TicketHistoryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketLookup($number: Int!) {\n    ticketByNumber(number: $number) {\n      id\n      number\n      subject\n    }\n  }\n"): (typeof documents)["\n  query TicketLookup($number: Int!) {\n    ticketByNumber(number: $number) {\n      id\n      number\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketCounts {\n    ticketCounts {\n      departmentId\n      statusId\n      count\n    }\n  }\n"): (typeof documents)["\n  query TicketCounts {\n    ticketCounts {\n      departmentId\n      statusId\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketStatuses {\n    ticketStatuses {\n      ...TicketStatusFields\n    }\n  }\n"): (typeof documents)["\n  query TicketStatuses {\n    ticketStatuses {\n      ...TicketStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketHandlers {\n    ticketHandlers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TicketHandlers {\n    ticketHandlers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketChanged {\n    ticketChanged {\n      kind\n      ticketId\n    }\n  }\n"): (typeof documents)["\n  subscription TicketChanged {\n    ticketChanged {\n      kind\n      ticketId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) {\n      ticketId\n      message {\n        id\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) {\n      ticketId\n      message {\n        id\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      entries {\n        state\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      entries {\n        state\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboundMail {\n    inboundMail {\n      createdTicket\n      ticket {\n        id\n        number\n        subject\n      }\n      message {\n        id\n        from\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription InboundMail {\n    inboundMail {\n      createdTicket\n      ticket {\n        id\n        number\n        subject\n      }\n      message {\n        id\n        from\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimeEntryFields on TimeEntry {\n    id\n    ticketId\n    userId\n    minutes\n    date\n    note\n    billed\n    quoteId\n    version\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TimeEntryFields on TimeEntry {\n    id\n    ticketId\n    userId\n    minutes\n    date\n    note\n    billed\n    quoteId\n    version\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimerFields on Timer {\n    ticketId\n    ticketNumber\n    ticketSubject\n    userId\n    userName\n    startedAt\n    elapsedSeconds\n  }\n"): (typeof documents)["\n  fragment TimerFields on Timer {\n    ticketId\n    ticketNumber\n    ticketSubject\n    userId\n    userName\n    startedAt\n    elapsedSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteSummaryFields on Quote {\n    id\n    number\n    customerId\n    customerName\n    status\n    currency\n    totalCents\n    csvUrl\n    version\n    createdAt\n  }\n"): (typeof documents)["\n  fragment QuoteSummaryFields on Quote {\n    id\n    number\n    customerId\n    customerName\n    status\n    currency\n    totalCents\n    csvUrl\n    version\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteLineFields on QuoteLine {\n    ticketId\n    ticketNumber\n    ticketSubject\n    groupName\n    minutes\n    hours\n    rateCents\n    amountCents\n  }\n"): (typeof documents)["\n  fragment QuoteLineFields on QuoteLine {\n    ticketId\n    ticketNumber\n    ticketSubject\n    groupName\n    minutes\n    hours\n    rateCents\n    amountCents\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnbilledTicketFields on Ticket {\n    id\n    number\n    subject\n    customer {\n      id\n      number\n      name\n    }\n    timeMinutes\n    unbilledMinutes\n  }\n"): (typeof documents)["\n  fragment UnbilledTicketFields on Ticket {\n    id\n    number\n    subject\n    customer {\n      id\n      number\n      name\n    }\n    timeMinutes\n    unbilledMinutes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimeEntryCreate($input: TimeEntryCreateInput!) {\n    timeEntryCreate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation TimeEntryCreate($input: TimeEntryCreateInput!) {\n    timeEntryCreate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimeEntryUpdate($input: TimeEntryUpdateInput!) {\n    timeEntryUpdate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation TimeEntryUpdate($input: TimeEntryUpdateInput!) {\n    timeEntryUpdate(input: $input) {\n      ...TimeEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimeEntryDelete($id: ID!) {\n    timeEntryDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation TimeEntryDelete($id: ID!) {\n    timeEntryDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimerStart($ticketId: ID!) {\n    timerStart(ticketId: $ticketId) {\n      ...TimerFields\n    }\n  }\n"): (typeof documents)["\n  mutation TimerStart($ticketId: ID!) {\n    timerStart(ticketId: $ticketId) {\n      ...TimerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimerStop($ticketId: ID!) {\n    timerStop(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation TimerStop($ticketId: ID!) {\n    timerStop(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TimeBill($ticketIds: [ID!]!) {\n    timeBill(ticketIds: $ticketIds) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TimeBill($ticketIds: [ID!]!) {\n    timeBill(ticketIds: $ticketIds) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuoteUpdateStatus($input: QuoteStatusUpdateInput!) {\n    quoteUpdateStatus(input: $input) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuoteUpdateStatus($input: QuoteStatusUpdateInput!) {\n    quoteUpdateStatus(input: $input) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketTime($ticketId: ID!) {\n    timeEntries(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n    ticket(id: $ticketId) {\n      id\n      timeMinutes\n      unbilledMinutes\n    }\n  }\n"): (typeof documents)["\n  query TicketTime($ticketId: ID!) {\n    timeEntries(ticketId: $ticketId) {\n      ...TimeEntryFields\n    }\n    ticket(id: $ticketId) {\n      id\n      timeMinutes\n      unbilledMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timers {\n    timers {\n      ...TimerFields\n    }\n  }\n"): (typeof documents)["\n  query Timers {\n    timers {\n      ...TimerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnbilledTickets($first: Int!) {\n    tickets(filter: { unbilledTime: true }, orderBy: { field: NUMBER, direction: ASC }, first: $first) {\n      totalCount\n      totalCountExact\n      edges {\n        node {\n          ...UnbilledTicketFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnbilledTickets($first: Int!) {\n    tickets(filter: { unbilledTime: true }, orderBy: { field: NUMBER, direction: ASC }, first: $first) {\n      totalCount\n      totalCountExact\n      edges {\n        node {\n          ...UnbilledTicketFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quotes($filter: QuoteFilterInput) {\n    quotes(filter: $filter) {\n      ...QuoteSummaryFields\n    }\n  }\n"): (typeof documents)["\n  query Quotes($filter: QuoteFilterInput) {\n    quotes(filter: $filter) {\n      ...QuoteSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Quote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteSummaryFields\n      lines {\n        ...QuoteLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TimerTick($ticketId: ID!) {\n    timerTick(ticketId: $ticketId) {\n      kind\n      ticketId\n      userId\n      userName\n      startedAt\n      elapsedSeconds\n    }\n  }\n"): (typeof documents)["\n  subscription TimerTick($ticketId: ID!) {\n    timerTick(ticketId: $ticketId) {\n      kind\n      ticketId\n      userId\n      userName\n      startedAt\n      elapsedSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n"): (typeof documents)["\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WidgetFields on Widget {\n    id\n    key\n    name\n    departmentId\n    enabled\n    available\n    allowedOrigins\n    primaryColor\n    primaryTextColor\n    texts {\n      language\n      title\n      intro\n      thanks\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WidgetFields on Widget {\n    id\n    key\n    name\n    departmentId\n    enabled\n    available\n    allowedOrigins\n    primaryColor\n    primaryTextColor\n    texts {\n      language\n      title\n      intro\n      thanks\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetCreate($input: WidgetCreateInput!) {\n    widgetCreate(input: $input) {\n      ...WidgetFields\n    }\n  }\n"): (typeof documents)["\n  mutation WidgetCreate($input: WidgetCreateInput!) {\n    widgetCreate(input: $input) {\n      ...WidgetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetUpdate($input: WidgetUpdateInput!) {\n    widgetUpdate(input: $input) {\n      ...WidgetFields\n    }\n  }\n"): (typeof documents)["\n  mutation WidgetUpdate($input: WidgetUpdateInput!) {\n    widgetUpdate(input: $input) {\n      ...WidgetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetDelete($id: ID!) {\n    widgetDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation WidgetDelete($id: ID!) {\n    widgetDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Widgets {\n    widgets {\n      ...WidgetFields\n    }\n  }\n"): (typeof documents)["\n  query Widgets {\n    widgets {\n      ...WidgetFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;