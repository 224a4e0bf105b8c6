// AdminUtils errors (pallets/admin-utils/src/lib.rs @ 14bc6f9 :119-145), indices in declaration order. Setters also fail with
// SubtensorModule errors (TxRateLimitExceeded, AdminActionProhibitedDuringWeightsWindow, ActivityCutoffTooLow, …) where the Rust does.
import { error } from '../../framework/pallet.ts'

export const errors = [
  error(0, 'SubnetDoesNotExist', 'The subnet does not exist, check the netuid parameter'),
  error(1, 'MaxValidatorsLargerThanMaxUIds', 'The maximum number of subnet validators must be less than the maximum number of allowed UIDs in the subnet.'),
  error(2, 'MaxAllowedUIdsLessThanCurrentUIds', 'The maximum number of subnet validators must be more than the current number of UIDs already in the subnet.'),
  error(3, 'BondsMovingAverageMaxReached', 'The maximum value for bonds moving average is reached'),
  error(4, 'NegativeSigmoidSteepness', 'Only root can set negative sigmoid steepness values'),
  error(5, 'ValueNotInBounds', 'Value not in allowed bounds.'),
  error(6, 'MinAllowedUidsGreaterThanCurrentUids', 'The minimum allowed UIDs must be less than the current number of UIDs in the subnet.'),
  error(7, 'MinAllowedUidsGreaterThanMaxAllowedUids', 'The minimum allowed UIDs must be less than the maximum allowed UIDs.'),
  error(8, 'MaxAllowedUidsLessThanMinAllowedUids', 'The maximum allowed UIDs must be greater than the minimum allowed UIDs.'),
  error(9, 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids', 'The maximum allowed UIDs must be less than the default maximum allowed UIDs.'),
  error(10, 'InvalidValue', 'Bad parameter value'),
  error(11, 'NotPermittedOnRootSubnet', 'Operation is not permitted on the root network.'),
  error(12, 'POWRegistrationDisabled', 'POW Registration has been deprecated'),
  error(13, 'Deprecated', 'Call is deprecated'),
]
