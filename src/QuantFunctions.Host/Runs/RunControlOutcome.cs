namespace QuantFunctions.Host.Runs;

/// <summary>What a terminate or resume request did to a run.</summary>
public enum RunControlOutcome
{
    /// <summary>Done or under way (202).</summary>
    Accepted,

    /// <summary>No such run (404).</summary>
    NotFound,

    /// <summary>The run is in a state that forbids the request: executing in this Host, or already completed (409).</summary>
    Conflict,

    /// <summary>The run already finished, so there is nothing to terminate (410, as Durable Functions answers).</summary>
    Finished,
}
