"""The Qt front end of Org Designer. Depends on `orgdesigner`, never the other way."""
