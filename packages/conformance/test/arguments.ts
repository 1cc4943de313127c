// Arguments for every operation of ClickSend's Node SDK, keyed `Class.method`, in the order the
// method takes them (see node_modules/clicksend/api.ts). Each entry is a function so every call
// gets fresh model instances. Values are what a real integration would pass: E.164 numbers,
// ClickSend-style ids, Unix timestamps, and bodies built with the SDK's own model classes.
//
// The test fails on an SDK operation with no entry here, and on an entry naming no operation.
import { model } from "./sdk.js";

// Shared realistic values.
const MOBILE = "+61411111111";
const MOBILE_2 = "+61422222222";
const US_MOBILE = "+13523944199";
const DEDICATED_NUMBER = "+61480000123";
const FAX_NUMBER = "+61261111111";
const MESSAGE_ID = "BF7AD270-0DE2-418B-B606-71D527D9C1AE";
const AUG_1_2024 = 1722470400; // 2024-08-01T00:00:00Z
const AUG_31_2024 = 1725148799; // 2024-08-31T23:59:59Z
const SCHEDULE = 1767225600; // 2026-01-01T00:00:00Z
const LIST_ID = 428;
const LIST_ID_2 = 429;
const OPT_OUT_LIST_ID = 430;
const CONTACT_ID = 1601;
const RULE_ID = 2734;
const TEMPLATE_ID = 5573;
const CAMPAIGN_ID = 117;
const EMAIL_ADDRESS_ID = 1043;
const RETURN_ADDRESS_ID = 18;
const SUBACCOUNT_ID = 563840;
const CLIENT_USER_ID = 117;
const PAGE = 1;
const LIMIT = 50;
const WEBHOOK = "https://hooks.example.com/clicksend/receipts";
const PDF_URL = "https://files.example.com/letters/invoice-2024-08.pdf";
const IMAGE_URL = "https://files.example.com/mms/spring-sale.jpg";
const PDF_BASE64 = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK";

const account = () =>
  model("Account", {
    username: "corner-bakery",
    password: "Harbour-Street-2000!",
    userEmail: "maria@cornerbakery.example.com",
    userPhone: MOBILE,
    userFirstName: "Maria",
    userLastName: "Lopez",
    accountName: "Corner Bakery",
    country: "AU",
  });

const resellerAccount = () =>
  model("ResellerAccount", {
    username: "northside-dental",
    password: "Molar-Check-2024!",
    userEmail: "admin@northsidedental.example.com",
    userPhone: MOBILE_2,
    userFirstName: "Sam",
    userLastName: "Nguyen",
    accountName: "Northside Dental",
    country: "AU",
  });

const contact = () =>
  model("Contact", {
    phoneNumber: MOBILE,
    email: "jane.citizen@example.com",
    firstName: "Jane",
    lastName: "Citizen",
    organizationName: "Citizen Bakery",
    faxNumber: "+61291111111",
    custom1: "Gold member",
    custom3: "Sourdough",
    custom4: "Joined 2023",
    addressLine1: "12 Harbour Street",
    addressLine2: "Unit 4",
    addressCity: "Sydney",
    addressState: "NSW",
    addressPostalCode: "2000",
    addressCountry: "AU",
  });

const receiptRule = (action: string, actionAddress: string) =>
  model("DeliveryReceiptRule", {
    ruleName: "Forward failed receipts",
    matchType: 2,
    action,
    actionAddress,
    enabled: 1,
  });

const inboundSmsRule = () =>
  model("InboundSMSRule", {
    dedicatedNumber: DEDICATED_NUMBER,
    ruleName: "Opt-out keyword",
    messageSearchType: 1,
    messageSearchTerm: "STOP",
    action: "URL",
    actionAddress: "https://hooks.example.com/clicksend/inbound",
    enabled: 1,
    webhookType: "json",
  });

const inboundFaxRule = () =>
  model("InboundFaxRule", {
    dedicatedNumber: FAX_NUMBER,
    ruleName: "Faxes to the front desk",
    action: "EMAIL_FIXED",
    actionAddress: "frontdesk@example.com",
    enabled: 1,
  });

const smsMessages = () =>
  model("SmsMessageCollection", {
    messages: [
      model("SmsMessage", {
        to: MOBILE,
        body: "Your appointment is confirmed for 10:30 tomorrow. Reply STOP to opt out.",
        from: "CornerBkry",
        source: "nodejs",
        customString: "booking-8812",
        country: "AU",
        fromEmail: "bookings@cornerbakery.example.com",
      }),
      model("SmsMessage", { listId: LIST_ID, body: "Fresh sourdough is out of the oven!", schedule: SCHEDULE }),
    ],
  });

const mmsMessages = () =>
  model("MmsMessageCollection", {
    mediaFile: IMAGE_URL,
    messages: [
      model("MmsMessage", {
        to: MOBILE,
        subject: "Spring sale",
        body: "20% off all loaves this weekend.",
        from: DEDICATED_NUMBER,
        source: "nodejs",
        country: "AU",
      }),
      model("MmsMessage", {
        listId: LIST_ID,
        subject: "Spring sale",
        body: "20% off all loaves this weekend.",
        schedule: SCHEDULE,
        customString: "spring-sale",
        fromEmail: "marketing@cornerbakery.example.com",
      }),
    ],
  });

const voiceMessages = () =>
  model("VoiceMessageCollection", {
    messages: [
      model("VoiceMessage", {
        to: MOBILE,
        body: "Your verification code is 4 8 1 5 2 3.",
        voice: "female",
        lang: "en-au",
        source: "nodejs",
        customString: "otp-55120",
        country: "AU",
        requireInput: 0,
        machineDetection: 1,
      }),
      model("VoiceMessage", {
        listId: LIST_ID,
        body: "The bakery is closed on Monday for the public holiday.",
        voice: "male",
        lang: "en-au",
        schedule: SCHEDULE,
      }),
    ],
  });

const faxMessages = () =>
  model("FaxMessageCollection", {
    fileUrl: "https://files.example.com/faxes/order-55120.pdf",
    messages: [
      model("FaxMessage", {
        to: FAX_NUMBER,
        from: "+61261111122",
        source: "nodejs",
        customString: "order-55120",
        country: "AU",
      }),
      model("FaxMessage", { listId: LIST_ID_2, from: "+61261111122", schedule: SCHEDULE, fromEmail: "orders@cornerbakery.example.com" }),
    ],
  });

const recipient = () =>
  model("PostRecipient", {
    addressName: "Jane Citizen",
    addressLine1: "12 Harbour Street",
    addressLine2: "Unit 4",
    addressCity: "Sydney",
    addressState: "NSW",
    addressPostalCode: "2000",
    addressCountry: "AU",
    returnAddressId: RETURN_ADDRESS_ID,
    schedule: SCHEDULE,
  });

const postLetter = () =>
  model("PostLetter", {
    fileUrl: PDF_URL,
    templateUsed: 0,
    colour: 1,
    duplex: 0,
    priorityPost: 0,
    source: "nodejs",
    recipients: [recipient()],
  });

const postcard = () =>
  model("PostPostcard", {
    fileUrls: ["https://files.example.com/postcards/front.pdf", "https://files.example.com/postcards/back.pdf"],
    recipients: [recipient()],
  });

const returnAddress = () =>
  model("Address", {
    addressName: "Corner Bakery",
    addressLine1: "242 Exhibition Street",
    addressLine2: "Level 2",
    addressCity: "Melbourne",
    addressState: "VIC",
    addressPostalCode: "3000",
    addressCountry: "AU",
  });

const emailCampaign = () =>
  model("EmailCampaign", {
    name: "August newsletter",
    subject: "What's baking in August",
    body: "<p>New seasonal loaves are in store from Monday.</p>",
    fromEmailAddressId: EMAIL_ADDRESS_ID,
    fromName: "Corner Bakery",
    templateId: TEMPLATE_ID,
    listId: LIST_ID,
    schedule: SCHEDULE,
  });

const smsCampaign = () =>
  model("SmsCampaign", {
    listId: LIST_ID,
    name: "Weekend sale",
    body: "Weekend sale: 20% off all loaves. Details: https://cornerbakery.example.com/sale",
    from: "CornerBkry",
    schedule: SCHEDULE,
    urlToShorten: "https://cornerbakery.example.com/sale",
  });

const mmsCampaign = () =>
  model("MmsCampaign", {
    listId: LIST_ID,
    name: "Spring sale MMS",
    subject: "Spring sale",
    body: "20% off all loaves this weekend.",
    from: DEDICATED_NUMBER,
    schedule: SCHEDULE,
    mediaFile: IMAGE_URL,
  });

const email = () =>
  model("Email", {
    to: [model("EmailRecipient", { email: "jane.citizen@example.com", name: "Jane Citizen" })],
    cc: [model("EmailRecipient", { email: "accounts@example.com", name: "Accounts" })],
    bcc: [model("EmailRecipient", { email: "archive@cornerbakery.example.com" })],
    from: model("EmailFrom", { emailAddressId: String(EMAIL_ADDRESS_ID), name: "Corner Bakery" }),
    subject: "Your August invoice",
    body: "<p>Hi Jane, your invoice for August is attached.</p>",
    attachments: [
      model("Attachment", {
        content: PDF_BASE64,
        type: "application/pdf",
        filename: "invoice-2024-08.pdf",
        disposition: "attachment",
        contentId: "invoice-2024-08",
      }),
    ],
    schedule: SCHEDULE,
  });

const subaccount = () =>
  model("Subaccount", {
    apiUsername: "bakery-front-desk",
    password: "Front-Desk-2024!",
    email: "frontdesk@cornerbakery.example.com",
    phoneNumber: MOBILE_2,
    firstName: "Alex",
    lastName: "Taylor",
    accessUsers: 0,
    accessBilling: 0,
    accessReporting: 1,
    accessContacts: 1,
    accessSettings: 0,
  });

const url = (address: string) => model("Url", { url: address });
const dateBefore = () => model("DateBefore", { dateBefore: AUG_31_2024 });

export const ARGUMENTS: Record<string, () => unknown[]> = {
  // AccountApi
  "AccountApi.accountGet": () => [],
  "AccountApi.accountPost": () => [account()],
  "AccountApi.accountUseageBySubaccountGet": () => [2024, 8],
  "AccountApi.accountVerifySendPut": () => [model("AccountVerify", { country: "US", userPhone: US_MOBILE, type: "sms" })],
  "AccountApi.accountVerifyVerifyByActivationTokenPut": () => [482913],
  "AccountApi.forgotPasswordPut": () => [model("ForgotPassword", { username: "corner-bakery" })],
  "AccountApi.forgotPasswordVerifyPut": () => [
    model("AccountForgotPasswordVerify", { subaccountId: SUBACCOUNT_ID, activationToken: "8f3a91c2", password: "New-Harbour-2025!" }),
  ],
  "AccountApi.forgotUsernamePut": () => [model("ForgotUsername", { email: "maria@cornerbakery.example.com" })],

  // AccountRechargeApi
  "AccountRechargeApi.rechargeCreditCardGet": () => [],
  "AccountRechargeApi.rechargeCreditCardPut": () => [
    model("CreditCard", {
      number: "4111111111111111",
      expiryMonth: 11,
      expiryYear: 2028,
      cvc: 123,
      name: "Maria Lopez",
      bankName: "Commonwealth Bank",
    }),
  ],
  "AccountRechargeApi.rechargePackagesGet": () => ["AU"],
  "AccountRechargeApi.rechargePurchaseByPackageIdPut": () => [4],
  "AccountRechargeApi.rechargeTransactionsByTransactionIdGet": () => ["TX-0000152833"],
  "AccountRechargeApi.rechargeTransactionsGet": () => [PAGE, LIMIT],

  // ContactApi
  "ContactApi.listsContactsByListIdAndContactIdDelete": () => [LIST_ID, CONTACT_ID],
  "ContactApi.listsContactsByListIdAndContactIdGet": () => [LIST_ID, CONTACT_ID],
  "ContactApi.listsContactsByListIdAndContactIdPut": () => [
    LIST_ID,
    CONTACT_ID,
    model("Contact", { phoneNumber: MOBILE, firstName: "Janet", lastName: "Citizen", custom2: "Prefers mornings" }),
  ],
  "ContactApi.listsContactsByListIdGet": () => [LIST_ID, PAGE, LIMIT, AUG_1_2024],
  "ContactApi.listsContactsByListIdPost": () => [contact(), LIST_ID],
  "ContactApi.listsCopyContactPut": () => [LIST_ID, CONTACT_ID, LIST_ID_2],
  "ContactApi.listsRemoveOptedOutContactsByListIdAndOptOutListIdPut": () => [LIST_ID, OPT_OUT_LIST_ID],
  "ContactApi.listsTransferContactPut": () => [LIST_ID, CONTACT_ID, LIST_ID_2],

  // ContactListApi
  "ContactListApi.listsByListIdDelete": () => [LIST_ID],
  "ContactListApi.listsByListIdGet": () => [LIST_ID],
  "ContactListApi.listsByListIdPut": () => [LIST_ID, model("ContactList", { listName: "Weekend regulars" })],
  "ContactListApi.listsGet": () => [PAGE, LIMIT],
  "ContactListApi.listsImportByListIdPost": () => [
    LIST_ID,
    model("ContactListImport", {
      fileUrl: "https://files.example.com/exports/spring-newsletter.csv",
      fieldOrder: ["phone_number", "first_name", "last_name", "email"],
    }),
  ],
  "ContactListApi.listsPost": () => [model("ContactList", { listName: "Spring newsletter" })],
  "ContactListApi.listsRemoveDuplicatesByListIdPut": () => [
    LIST_ID,
    model("Fields", { fields: model("FieldsFields", { phoneNumber: "phone_number", email: "email" }) }),
  ],

  // CountriesApi
  "CountriesApi.countriesGet": () => [],

  // DeliveryIssuesApi
  "DeliveryIssuesApi.deliveryIssuesGet": () => [PAGE, LIMIT],
  "DeliveryIssuesApi.deliveryIssuesPost": () => [
    model("DeliveryIssue", {
      messageId: MESSAGE_ID,
      type: "SMS",
      description: "The recipient says the reminder never arrived although the receipt shows delivered.",
      clientComments: "Recipient is on Telstra and received other messages the same day.",
      emailAddress: "ops@example.com",
    }),
  ],

  // DetectAddressApi
  "DetectAddressApi.detectAddressPost": () => [model("UploadFile", { content: PDF_BASE64 })],

  // EmailDeliveryReceiptRulesApi
  "EmailDeliveryReceiptRulesApi.emailDeliveryReceiptAutomationDelete": () => [RULE_ID],
  "EmailDeliveryReceiptRulesApi.emailDeliveryReceiptAutomationGet": () => [RULE_ID],
  "EmailDeliveryReceiptRulesApi.emailDeliveryReceiptAutomationPost": () => [receiptRule("EMAIL_FIXED", "ops@example.com")],
  "EmailDeliveryReceiptRulesApi.emailDeliveryReceiptAutomationPut": () => [RULE_ID, receiptRule("EMAIL_FIXED", "ops@example.com")],
  "EmailDeliveryReceiptRulesApi.emailDeliveryReceiptAutomationsGet": () => ["Forward", PAGE, LIMIT],

  // EmailMarketingApi
  "EmailMarketingApi.allowedEmailAddressGet": () => [PAGE, LIMIT],
  "EmailMarketingApi.allowedEmailAddressPost": () => [model("EmailAddress", { emailAddress: "news@cornerbakery.example.com" })],
  "EmailMarketingApi.cancelEmailCampaignPut": () => [CAMPAIGN_ID],
  "EmailMarketingApi.emailCampaignGet": () => [CAMPAIGN_ID],
  "EmailMarketingApi.emailCampaignHistoryExportGet": () => [CAMPAIGN_ID, AUG_1_2024, AUG_31_2024],
  "EmailMarketingApi.emailCampaignHistoryGet": () => [CAMPAIGN_ID, AUG_1_2024, AUG_31_2024, PAGE, LIMIT],
  "EmailMarketingApi.emailCampaignPost": () => [emailCampaign()],
  "EmailMarketingApi.emailCampaignPricePost": () => [emailCampaign()],
  "EmailMarketingApi.emailCampaignPut": () => [CAMPAIGN_ID, emailCampaign()],
  "EmailMarketingApi.emailCampaignsGet": () => [PAGE, LIMIT],
  "EmailMarketingApi.sendVerificationTokenGet": () => [EMAIL_ADDRESS_ID],
  "EmailMarketingApi.specificAllowedEmailAddressDelete": () => [EMAIL_ADDRESS_ID],
  "EmailMarketingApi.specificAllowedEmailAddressGet": () => [EMAIL_ADDRESS_ID],
  "EmailMarketingApi.verifyAllowedEmailAddressGet": () => [EMAIL_ADDRESS_ID, "a81f3c0e92"],

  // EmailToSmsApi
  "EmailToSmsApi.smsEmailSmsGet": () => [PAGE, LIMIT],
  "EmailToSmsApi.smsEmailSmsPost": () => [
    model("EmailSMSAddress", { emailAddress: "dispatch@example.com", from: "+61411222333", subaccountId: String(SUBACCOUNT_ID) }),
  ],
  "EmailToSmsApi.smsEmailSmsStrippedStringDelete": () => [RULE_ID],
  "EmailToSmsApi.smsEmailSmsStrippedStringGet": () => [RULE_ID],
  "EmailToSmsApi.smsEmailSmsStrippedStringPost": () => [model("StrippedString", { stripString: "-- Sent from my phone" })],
  "EmailToSmsApi.smsEmailSmsStrippedStringPut": () => [model("StrippedString", { stripString: "Confidentiality notice:" }), RULE_ID],
  "EmailToSmsApi.smsEmailSmsStrippedStringsGet": () => [PAGE, LIMIT],

  // FAXApi
  "FAXApi.faxHistoryGet": () => [AUG_1_2024, AUG_31_2024, "order-55120", "date:desc", PAGE, LIMIT],
  "FAXApi.faxPricePost": () => [faxMessages()],
  "FAXApi.faxReceiptsByMessageIdGet": () => [MESSAGE_ID],
  "FAXApi.faxReceiptsGet": () => [PAGE, LIMIT],
  "FAXApi.faxReceiptsPost": () => [url(WEBHOOK)],
  "FAXApi.faxReceiptsReadPut": () => [dateBefore()],
  "FAXApi.faxSendPost": () => [faxMessages()],

  // FAXDeliveryReceiptRulesApi
  "FAXDeliveryReceiptRulesApi.faxDeliveryReceiptAutomationDelete": () => [RULE_ID],
  "FAXDeliveryReceiptRulesApi.faxDeliveryReceiptAutomationGet": () => [RULE_ID],
  "FAXDeliveryReceiptRulesApi.faxDeliveryReceiptAutomationPost": () => [receiptRule("URL", WEBHOOK)],
  "FAXDeliveryReceiptRulesApi.faxDeliveryReceiptAutomationPut": () => [RULE_ID, receiptRule("URL", WEBHOOK)],
  "FAXDeliveryReceiptRulesApi.faxDeliveryReceiptAutomationsGet": () => ["Forward", PAGE, LIMIT],

  // GlobalSendingApi
  "GlobalSendingApi.listCountriesGet": () => [],
  "GlobalSendingApi.userCountriesAgreePost": () => [],
  "GlobalSendingApi.userCountriesGet": () => [],
  "GlobalSendingApi.userCountriesPost": () => [model("CountryListIds", { countryListIds: [14, 161] })],

  // InboundFAXRulesApi
  "InboundFAXRulesApi.faxInboundAutomationDelete": () => [RULE_ID],
  "InboundFAXRulesApi.faxInboundAutomationGet": () => [RULE_ID],
  "InboundFAXRulesApi.faxInboundAutomationPost": () => [inboundFaxRule()],
  "InboundFAXRulesApi.faxInboundAutomationPut": () => [RULE_ID, inboundFaxRule()],
  "InboundFAXRulesApi.faxInboundAutomationsGet": () => ["front desk", PAGE, LIMIT],

  // InboundSMSRulesApi
  "InboundSMSRulesApi.smsInboundAutomationDelete": () => [RULE_ID],
  "InboundSMSRulesApi.smsInboundAutomationGet": () => [RULE_ID],
  "InboundSMSRulesApi.smsInboundAutomationPost": () => [inboundSmsRule()],
  "InboundSMSRulesApi.smsInboundAutomationPut": () => [RULE_ID, inboundSmsRule()],
  "InboundSMSRulesApi.smsInboundAutomationsGet": () => ["Opt-out", PAGE, LIMIT],

  // MMSApi
  "MMSApi.mmsHistoryExportGet": () => ["mms-history-2024-08.csv"],
  "MMSApi.mmsHistoryGet": () => ["Spring sale", AUG_1_2024, AUG_31_2024, PAGE, LIMIT],
  "MMSApi.mmsPricePost": () => [mmsMessages()],
  "MMSApi.mmsReceiptsGet": () => [PAGE, LIMIT],
  "MMSApi.mmsReceiptsReadPut": () => [dateBefore()],
  "MMSApi.mmsSendPost": () => [mmsMessages()],

  // MasterEmailTemplatesApi
  "MasterEmailTemplatesApi.masterEmailTemplateCategoriesGet": () => [PAGE, LIMIT],
  "MasterEmailTemplatesApi.masterEmailTemplateCategoryGet": () => [3],
  "MasterEmailTemplatesApi.masterEmailTemplateGet": () => [73],
  "MasterEmailTemplatesApi.masterEmailTemplatesGet": () => [PAGE, LIMIT],
  "MasterEmailTemplatesApi.masterEmailTemplatesInCategoryGet": () => [3, PAGE, LIMIT],

  // MmsCampaignApi
  "MmsCampaignApi.mmsCampaignByMmsCampaignIdGet": () => [CAMPAIGN_ID],
  "MmsCampaignApi.mmsCampaignsByMmsCampaignIdPut": () => [CAMPAIGN_ID, mmsCampaign()],
  "MmsCampaignApi.mmsCampaignsCancelByMmsCampaignIdPut": () => [CAMPAIGN_ID],
  "MmsCampaignApi.mmsCampaignsGet": () => [PAGE, LIMIT],
  "MmsCampaignApi.mmsCampaignsPricePost": () => [mmsCampaign()],
  "MmsCampaignApi.mmsCampaignsSendPost": () => [mmsCampaign()],

  // NumberApi
  "NumberApi.numbersBuyByDedicatedNumberPost": () => ["+61280662298"],
  "NumberApi.numbersGet": () => [PAGE, LIMIT],
  "NumberApi.numbersSearchByCountryGet": () => ["AU", "0480", 1, PAGE, LIMIT],

  // PostLetterApi
  "PostLetterApi.postLettersExportGet": () => ["letters-2024-08.csv"],
  "PostLetterApi.postLettersHistoryGet": () => [PAGE, LIMIT],
  "PostLetterApi.postLettersPricePost": () => [postLetter()],
  "PostLetterApi.postLettersSendPost": () => [postLetter()],

  // PostPostcardApi
  "PostPostcardApi.postPostcardsHistoryExportGet": () => ["postcards-2024-08.csv"],
  "PostPostcardApi.postPostcardsHistoryGet": () => [PAGE, LIMIT],
  "PostPostcardApi.postPostcardsPricePost": () => [postcard()],
  "PostPostcardApi.postPostcardsSendPost": () => [postcard()],

  // PostReturnAddressApi
  "PostReturnAddressApi.postReturnAddressesByReturnAddressIdDelete": () => [RETURN_ADDRESS_ID],
  "PostReturnAddressApi.postReturnAddressesByReturnAddressIdGet": () => [RETURN_ADDRESS_ID],
  "PostReturnAddressApi.postReturnAddressesByReturnAddressIdPut": () => [RETURN_ADDRESS_ID, returnAddress()],
  "PostReturnAddressApi.postReturnAddressesGet": () => [PAGE, LIMIT],
  "PostReturnAddressApi.postReturnAddressesPost": () => [returnAddress()],

  // ReferralAccountApi
  "ReferralAccountApi.referralAccountsGet": () => [PAGE, LIMIT],

  // ResellerAccountApi
  "ResellerAccountApi.resellerAccountsByClientUserIdGet": () => [CLIENT_USER_ID],
  "ResellerAccountApi.resellerAccountsByClientUserIdPut": () => [CLIENT_USER_ID, resellerAccount()],
  "ResellerAccountApi.resellerAccountsGet": () => [PAGE, LIMIT],
  "ResellerAccountApi.resellerAccountsPost": () => [resellerAccount()],

  // SMSApi
  "SMSApi.smsCancelAllPut": () => [],
  "SMSApi.smsCancelByMessageIdPut": () => [MESSAGE_ID],
  "SMSApi.smsHistoryExportGet": () => ["sms-history-2024-08.csv"],
  "SMSApi.smsHistoryGet": () => ["appointment", AUG_1_2024, AUG_31_2024, PAGE, LIMIT],
  "SMSApi.smsInboundGet": () => ["STOP", PAGE, LIMIT],
  "SMSApi.smsInboundPost": () => [url("https://hooks.example.com/clicksend/inbound")],
  "SMSApi.smsInboundReadByMessageIdPut": () => [MESSAGE_ID],
  "SMSApi.smsInboundReadPut": () => [dateBefore()],
  "SMSApi.smsPricePost": () => [smsMessages()],
  "SMSApi.smsReceiptsByMessageIdGet": () => [MESSAGE_ID],
  "SMSApi.smsReceiptsGet": () => [PAGE, LIMIT],
  "SMSApi.smsReceiptsPost": () => [url(WEBHOOK)],
  "SMSApi.smsReceiptsReadPut": () => [dateBefore()],
  "SMSApi.smsSendPost": () => [smsMessages()],
  "SMSApi.smsTemplatesByTemplateIdDelete": () => [TEMPLATE_ID],
  "SMSApi.smsTemplatesByTemplateIdPut": () => [
    TEMPLATE_ID,
    model("SmsTemplate", { templateName: "Appointment reminder", body: "Hi [first_name], see you at [custom_1] tomorrow." }),
  ],
  "SMSApi.smsTemplatesGet": () => [PAGE, LIMIT],
  "SMSApi.smsTemplatesPost": () => [
    model("SmsTemplate", { templateName: "Appointment reminder", body: "Hi [first_name], your appointment is at [custom_1]." }),
  ],

  // SMSDeliveryReceiptRulesApi
  "SMSDeliveryReceiptRulesApi.smsDeliveryReceiptAutomationDelete": () => [RULE_ID],
  "SMSDeliveryReceiptRulesApi.smsDeliveryReceiptAutomationGet": () => [RULE_ID],
  "SMSDeliveryReceiptRulesApi.smsDeliveryReceiptAutomationPost": () => [receiptRule("URL", WEBHOOK)],
  "SMSDeliveryReceiptRulesApi.smsDeliveryReceiptAutomationPut": () => [RULE_ID, receiptRule("URL", WEBHOOK)],
  "SMSDeliveryReceiptRulesApi.smsDeliveryReceiptAutomationsGet": () => ["Forward", PAGE, LIMIT],

  // SearchApi
  "SearchApi.searchContactsListsGet": () => ["Citizen", PAGE, LIMIT],

  // SmsCampaignApi
  "SmsCampaignApi.smsCampaignBySmsCampaignIdGet": () => [CAMPAIGN_ID],
  "SmsCampaignApi.smsCampaignsBySmsCampaignIdPut": () => [CAMPAIGN_ID, smsCampaign()],
  "SmsCampaignApi.smsCampaignsCancelBySmsCampaignIdPut": () => [CAMPAIGN_ID],
  "SmsCampaignApi.smsCampaignsGet": () => [PAGE, LIMIT],
  "SmsCampaignApi.smsCampaignsPricePost": () => [smsCampaign()],
  "SmsCampaignApi.smsCampaignsSendPost": () => [smsCampaign()],

  // StatisticsApi
  "StatisticsApi.statisticsSmsGet": () => [],
  "StatisticsApi.statisticsVoiceGet": () => [],

  // SubaccountApi
  "SubaccountApi.subaccountsBySubaccountIdDelete": () => [SUBACCOUNT_ID],
  "SubaccountApi.subaccountsBySubaccountIdGet": () => [SUBACCOUNT_ID],
  "SubaccountApi.subaccountsBySubaccountIdPut": () => [SUBACCOUNT_ID, subaccount()],
  "SubaccountApi.subaccountsGet": () => [PAGE, LIMIT],
  "SubaccountApi.subaccountsPost": () => [subaccount()],
  "SubaccountApi.subaccountsRegenApiKeyBySubaccountIdPut": () => [SUBACCOUNT_ID],

  // TimezonesApi
  "TimezonesApi.timezonesGet": () => [PAGE, LIMIT],

  // TransactionalEmailApi
  "TransactionalEmailApi.emailHistoryExportGet": () => ["email-history-2024-08.csv", AUG_1_2024, AUG_31_2024],
  "TransactionalEmailApi.emailHistoryGet": () => [AUG_1_2024, AUG_31_2024, PAGE, LIMIT],
  "TransactionalEmailApi.emailPricePost": () => [email()],
  "TransactionalEmailApi.emailSendPost": () => [email()],

  // TransferCreditApi
  "TransferCreditApi.resellerTransferCreditPut": () => [
    model("ResellerAccountTransferCredit", { clientUserId: CLIENT_USER_ID, balance: 25, currency: "AUD" }),
  ],

  // UploadApi
  "UploadApi.uploadsPost": () => [model("UploadFile", { content: PDF_BASE64 }), "fax"],

  // UserEmailTemplatesApi
  "UserEmailTemplatesApi.emailTemplateDelete": () => [TEMPLATE_ID],
  "UserEmailTemplatesApi.emailTemplateGet": () => [TEMPLATE_ID],
  "UserEmailTemplatesApi.emailTemplatePost": () => [model("EmailTemplateNew", { templateName: "Monthly newsletter", templateIdMaster: 73 })],
  "UserEmailTemplatesApi.emailTemplatePut": () => [
    TEMPLATE_ID,
    model("EmailTemplateUpdate", { templateName: "Monthly newsletter", body: "<h1>What's baking</h1><p>[content]</p>" }),
  ],
  "UserEmailTemplatesApi.emailTemplatesGet": () => [PAGE, LIMIT],

  // VoiceApi
  "VoiceApi.voiceCancelAllPut": () => [],
  "VoiceApi.voiceCancelByMessageIdPut": () => [MESSAGE_ID],
  "VoiceApi.voiceHistoryExportGet": () => ["voice-history-2024-08.csv"],
  "VoiceApi.voiceHistoryGet": () => [AUG_1_2024, AUG_31_2024, PAGE, LIMIT],
  "VoiceApi.voiceLangGet": () => [],
  "VoiceApi.voicePricePost": () => [voiceMessages()],
  "VoiceApi.voiceReceiptsGet": () => [PAGE, LIMIT],
  "VoiceApi.voiceReceiptsPost": () => [url(WEBHOOK)],
  "VoiceApi.voiceReceiptsReadPut": () => [dateBefore()],
  "VoiceApi.voiceSendPost": () => [voiceMessages()],

  // VoiceDeliveryReceiptRulesApi
  "VoiceDeliveryReceiptRulesApi.voiceDeliveryReceiptAutomationDelete": () => [RULE_ID],
  "VoiceDeliveryReceiptRulesApi.voiceDeliveryReceiptAutomationGet": () => [RULE_ID],
  "VoiceDeliveryReceiptRulesApi.voiceDeliveryReceiptAutomationPost": () => [receiptRule("SMS", MOBILE)],
  "VoiceDeliveryReceiptRulesApi.voiceDeliveryReceiptAutomationPut": () => [RULE_ID, receiptRule("SMS", MOBILE)],
  "VoiceDeliveryReceiptRulesApi.voiceDeliveryReceiptAutomationsGet": () => ["Forward", PAGE, LIMIT],
};
