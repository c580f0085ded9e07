//! Hugo's date parsing (`htime.ToTimeInDefaultLocationE`): the layouts it accepts.
