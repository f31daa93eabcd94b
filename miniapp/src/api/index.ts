export { apiRequest, REQUEST_TIMEOUT_MS, showError, type RequestOptions } from './client';
export { ApiError, NETWORK_ERROR, NETWORK_MESSAGE, type ApiErrorCode } from './errors';
export { listDemoPeople, signInAsDemoPerson, signInWithWechat, signOut, signOutEverywhere } from './auth';
export { claimListedRoles, fetchMe, onMeUpdated, setHome, setMyName } from './me';
export { deleteMyData, fetchMyData } from './my-data';
export { fetchMySubscriptions, reportSubscriptionAnswers } from './subscriptions';
export {
  confirmConsoleSignIn,
  endConsoleSession,
  fetchConsoleSignIn,
  fetchMyConsoleSessions,
  pollConsoleSignIn,
  refuseConsoleSignIn,
  startConsoleSignIn,
} from './console';
export {
  fetchFederation,
  fetchFederationSites,
  fetchProvinces,
  fetchRegion,
  fetchRegionChildren,
  fetchSite,
  findNearest,
  searchPlaces,
} from './places';
export { hasSession, onSessionChange, signedOutByUser } from './session';
export {
  actOnRequest,
  fetchCategories,
  fetchInbox,
  fetchInboxCounts,
  fetchMyRequests,
  fetchRatingCode,
  fetchReferredOut,
  fetchRequest,
  rateWithCode,
  submitRequest,
  type PostableAction,
  type RequestActionInputs,
} from './requests';
export { endCover, fetchCover, fetchMembers, setCover, submitOnBehalf } from './workbench';
export { createSite, fetchManagedSite, fetchManagedSites, updateFederationProfile, updateSite } from './my-places';
export {
  addReservedSignup,
  cancelActivity,
  cancelSignup,
  checkIn,
  undoCheckIn,
  createActivity,
  fetchActivities,
  fetchActivity,
  fetchAttendees,
  fetchAttendeesCsv,
  fetchFederationActivities,
  fetchMySignups,
  publishActivity,
  signUp,
  updateActivity,
} from './activities';
export { keepWithSession, keptWithSession } from './session';
export {
  acceptRosterInvitation,
  addRosterEntry,
  answerConcern,
  cosignConcern,
  declineConcern,
  fetchBodyConcerns,
  fetchConcern,
  fetchMyConcerns,
  fetchRoster,
  fetchRosterEntry,
  fetchRosterInvitation,
  fetchVoicesBoard,
  inviteToRoster,
  logContact,
  mergeConcern,
  publishConcern,
  raiseConcern,
  removeRosterEntry,
  setCouncilAgenda,
  setCouncilMinutes,
  updateRosterEntry,
  withdrawCosign,
} from './voices';
export { fetchPublicStats, fetchSubtreeStats, fetchSubtreeStatsCsv } from './stats';
export {
  acceptRoleInvitation,
  createRoutingRule,
  deleteRoutingRule,
  fetchCountyCategories,
  fetchCountyFeedback,
  fetchHolidayCoverage,
  fetchHolidayYear,
  fetchMyFeedback,
  fetchRoleInvitation,
  fetchRoutingRules,
  inviteToRole,
  previewRouting,
  replyToFeedback,
  revokeRole,
  saveHolidayYear,
  setBodyActive,
  setRegisteredWomen,
  submitFeedback,
  updateCountyCategory,
} from './admin';
export { downloadExport, downloadImportTemplate, fetchImportProgress, importSpreadsheet, type ImportUpload } from './imports';
