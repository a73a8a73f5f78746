console.log('sandbox worker build: not yet');
