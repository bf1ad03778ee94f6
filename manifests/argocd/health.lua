-- Argo CD health check for mlrollout.io/ModelDeployment (Lua 5.1).
-- Argo CD binds the live object to obj and reads hs.status and hs.message.
-- The copy in argocd-cm-patch.yaml must stay identical to this file (a test checks it).
--
--   Progressing  no status yet, status not caught up with the spec
--                (status.observedGeneration ~= metadata.generation),
--                or a rollout runs (Initializing, Validating, Progressing, Promoting)
--   Suspended    phase Paused: waiting for the mlrollout.io/promote annotation
--   Degraded     phase RolledBack or Failed, or Degraded=True with reason InvalidSpec,
--                PolicyUnavailable (the canary holds without a policy) or ReconcileError
--   Healthy      phase Stable and Ready=True
local hs = {}

local function condition(status, conditionType)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function text(value, fallback)
  if value == nil or value == "" then
    return fallback
  end
  return tostring(value)
end

local function result(healthStatus, message)
  hs.status = healthStatus
  hs.message = message
  return hs
end

local function specVersion()
  if obj.spec ~= nil and obj.spec.model ~= nil then
    return text(obj.spec.model.version, "?")
  end
  return "?"
end

local function rollout(status)
  if status.phase == "Initializing" then
    return "Initializing: starting version " .. text(status.stableVersion, specVersion())
  end
  local version = text(status.canaryVersion, specVersion())
  local message = status.phase .. ": canary " .. version .. " at " .. text(status.canaryWeight, "0") .. "% of traffic"
  if status.currentStep ~= nil and status.totalSteps ~= nil then
    message = message .. ", step " .. tostring(status.currentStep) .. " of " .. tostring(status.totalSteps)
  end
  if status.message ~= nil and status.message ~= "" then
    message = message .. ". " .. status.message
  end
  return message
end

local function rolledBackVersion(status)
  if status.rejected ~= nil and status.rejected.version ~= nil then
    return status.rejected.version
  end
  if status.canaryVersion ~= nil then
    return status.canaryVersion
  end
  if status.history ~= nil and status.history[1] ~= nil and status.history[1].version ~= nil then
    return status.history[1].version
  end
  return "?"
end

local status = obj.status
if status == nil then
  return result("Progressing", "Waiting for the operator to report status")
end

local generation = nil
if obj.metadata ~= nil then
  generation = obj.metadata.generation
end
if status.observedGeneration == nil or status.observedGeneration ~= generation then
  return result("Progressing", "Waiting for the operator to observe generation " .. text(generation, "?")
    .. " (status describes generation " .. text(status.observedGeneration, "none") .. ")")
end

local degraded = condition(status, "Degraded")
if degraded ~= nil and degraded.status == "True" and (degraded.reason == "InvalidSpec"
    or degraded.reason == "PolicyUnavailable" or degraded.reason == "ReconcileError") then
  return result("Degraded", text(degraded.message, text(status.message, degraded.reason)))
end

local phase = status.phase
if phase == nil then
  return result("Progressing", "Waiting for the operator to set a phase")
end

if phase == "Stable" then
  local ready = condition(status, "Ready")
  if ready ~= nil and ready.status == "True" then
    return result("Healthy", "Version " .. text(status.stableVersion, "?") .. " serves all traffic")
  end
  local why = "no Ready condition yet"
  if ready ~= nil then
    why = text(ready.message, text(ready.reason, "Ready is " .. text(ready.status, "unknown")))
  end
  return result("Progressing", "Version " .. text(status.stableVersion, "?") .. " is not Ready: " .. why)
end

if phase == "Initializing" or phase == "Validating" or phase == "Progressing" or phase == "Promoting" then
  return result("Progressing", rollout(status))
end

if phase == "Paused" then
  local message = "Paused: canary " .. text(status.canaryVersion, "?") .. " at " .. text(status.canaryWeight, "0")
    .. "% of traffic. "
  return result("Suspended", message .. text(status.message, "Set the mlrollout.io/promote annotation to continue"))
end

if phase == "RolledBack" then
  local why = status.message
  if degraded ~= nil and degraded.status == "True" and degraded.message ~= nil and degraded.message ~= "" then
    why = degraded.message
  end
  return result("Degraded", text(why, "Version " .. rolledBackVersion(status) .. " was rolled back") .. ". Version "
    .. text(status.stableVersion, "?") .. " serves all traffic; change spec.model in Git, or set the "
    .. "mlrollout.io/retry annotation to try " .. rolledBackVersion(status) .. " again")
end

if phase == "Failed" then
  local why = status.message
  if degraded ~= nil and degraded.status == "True" then
    why = text(degraded.message, why)
  end
  return result("Degraded", text(why, "No version can serve"))
end

return result("Unknown", "Unknown phase " .. tostring(phase))
